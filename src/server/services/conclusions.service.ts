import type { z } from 'zod';
import type { ConclusionsInput } from '../../domain/outcomes.ts';
import type { Actor } from '../auth/actor.ts';
import type { ConclusionsTable } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { conflict, notFound } from '../http/errors.ts';
import { conclusionsPolicy, headedDelegation } from '../policies/conclusions.policy.ts';
import { presentConclusions } from '../presenters/conclusions.presenter.ts';
import { presentRevision } from '../presenters/outcomes.presenter.ts';
import { audit } from '../repositories/audit.repository.ts';
import { conclusionsRepo } from '../repositories/conclusions.repository.ts';
import { outcomesRepo } from '../repositories/outcomes.repository.ts';
import { guard } from './guard.ts';
import { loadOutcomeScope } from './outcomes.scope.ts';
import { saveVersioned } from './outcomes.versioned-save.ts';
import { refuseQuotations } from './quoting/guard.ts';

export const FROZEN_MESSAGE =
  'Every delegation has endorsed these conclusions: the text is frozen.';

/** The conclusions against the round's Chatham House Rule Plus statements (409 when they reproduce one). */
const refuseQuotes = (deps: Deps, roundId: string, body: string) =>
  refuseQuotations(deps.db.kysely, roundId, 'The conclusions', [
    { field: 'body.body', text: body },
  ]);

async function readable(deps: Deps, actor: Actor, roundId: string) {
  const loaded = await loadOutcomeScope(deps, actor, roundId);
  guard(conclusionsPolicy.read(actor, loaded.scope), actor, { confidential: 'round' });
  return loaded;
}

async function present(deps: Deps, row: ConclusionsTable, seriesId: string) {
  const db = deps.db.kysely;
  const [delegations, endorsed] = await Promise.all([
    conclusionsRepo.delegations(db, seriesId),
    conclusionsRepo.endorsements(db, row.id, Number(row.version)),
  ]);
  return presentConclusions(row, delegations, endorsed);
}

export async function getConclusions(deps: Deps, actor: Actor, roundId: string) {
  const { scope } = await readable(deps, actor, roundId);
  const row = await conclusionsRepo.findByRound(deps.db.kysely, roundId);
  if (!row) throw notFound('conclusions (none drafted yet)');
  return present(deps, row, scope.seriesId);
}

/** Drafts (baseVersion 0) or edits the text. A stale base: 409 with the current text. An endorsed or quoting text: 409. */
export async function saveConclusions(
  deps: Deps,
  actor: Actor,
  roundId: string,
  input: z.output<typeof ConclusionsInput>,
) {
  const { scope } = await readable(deps, actor, roundId);
  guard(conclusionsPolicy.write(actor, scope), actor);
  const db = deps.db.kysely;
  await saveVersioned(
    deps,
    actor,
    {
      documentType: 'conclusions',
      find: () => conclusionsRepo.findByRound(db, roundId),
      locked: (row) =>
        row.frozen_at
          ? conflict(FROZEN_MESSAGE, [{ field: 'body.body', message: 'is frozen' }])
          : null,
      refuse: (body) => refuseQuotes(deps, roundId, body),
      insert: (trx, id, version, now) =>
        conclusionsRepo.insert(trx, {
          id,
          round_id: roundId,
          body: input.body,
          version,
          frozen_at: null,
          created_at: now,
          updated_at: now,
        }),
      updateAtVersion: (trx, id, baseVersion, patch) =>
        conclusionsRepo.updateAtVersion(trx, id, baseVersion, patch),
    },
    input,
  );
  return getConclusions(deps, actor, roundId);
}

/** The head of a delegation endorses the version they read (not one that quotes a CHR-Plus statement); when every delegation has, the text freezes. */
export async function endorseConclusions(
  deps: Deps,
  actor: Actor,
  roundId: string,
  version: number,
) {
  const { scope } = await readable(deps, actor, roundId);
  guard(conclusionsPolicy.endorse(actor, scope), actor);
  const db = deps.db.kysely;
  const row = await conclusionsRepo.findByRound(db, roundId);
  if (!row) throw notFound('conclusions (none drafted yet)');
  if (Number(row.version) !== version) {
    throw conflict(
      `The conclusions are now at version ${row.version}: read that version before endorsing it.`,
      [{ field: 'body.version', message: `is not the current version ${row.version}` }],
    );
  }
  // Statements may have come since the text was saved: nothing quoting one is endorsed.
  await refuseQuotes(deps, roundId, row.body);
  const delegationId = headedDelegation(actor, roundId)!;
  const now = deps.now().toISOString();
  await conclusionsRepo.endorse(db, {
    conclusion_id: row.id,
    delegation_id: delegationId,
    version,
    endorsed_by: actor.user!.id,
    at: now,
  });
  const [delegations, endorsed] = await Promise.all([
    conclusionsRepo.delegations(db, scope.seriesId),
    conclusionsRepo.endorsements(db, row.id, version),
  ]);
  const done = new Set(endorsed.map((e) => e.delegation_id));
  if (delegations.every((d) => done.has(d.id)))
    await conclusionsRepo.freeze(db, row.id, version, now);
  await audit.record(db, deps.now(), {
    actorUserId: actor.user!.id,
    action: 'conclusions.endorse',
    resourceType: 'conclusions',
    resourceId: row.id,
    seriesId: scope.seriesId,
    detail: { version, delegationId },
  });
  return getConclusions(deps, actor, roundId);
}

export async function listConclusionRevisions(deps: Deps, actor: Actor, roundId: string) {
  await readable(deps, actor, roundId);
  const row = await conclusionsRepo.findByRound(deps.db.kysely, roundId);
  if (!row) throw notFound('conclusions (none drafted yet)');
  return {
    items: (await outcomesRepo.revisions(deps.db.kysely, 'conclusions', row.id)).map(
      presentRevision,
    ),
  };
}
