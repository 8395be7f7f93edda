import type { z } from 'zod';
import type {
  EvidenceInput,
  OutcomeItemInput,
  OutcomeItemPatch,
  OutcomeListQuery,
  OutcomeVisibility,
} from '../../domain/outcomes.ts';
import type { Actor } from '../auth/actor.ts';
import type { OutcomeItemsTable } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { outcomesPolicy } from '../policies/outcomes.policy.ts';
import { presentOutcomeItem, presentRevision } from '../presenters/outcomes.presenter.ts';
import { audit } from '../repositories/audit.repository.ts';
import { outcomesRepo } from '../repositories/outcomes.repository.ts';
import { guard } from './guard.ts';
import { evidenceRows } from './outcomes.evidence.ts';
import { loadOutcomeScope, stale, VersionConflict } from './outcomes.scope.ts';
import { refuseQuotations, titledPassages } from './quoting/guard.ts';

const SHARED: OutcomeVisibility[] = ['participants', 'public'];
/** How a refusal names the item. */
const itemNamed = (title: string) => `The outcome item “${title}”`;

async function present(deps: Deps, rows: OutcomeItemsTable[]) {
  const evidence = await outcomesRepo.evidence(
    deps.db.kysely,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentOutcomeItem(r, evidence));
}

/** An item the actor may see: readers see every item, the round's participants only shared ones (others do not exist for them). */
async function loadItem(deps: Deps, actor: Actor, id: string) {
  const item = await outcomesRepo.findItem(deps.db.kysely, id);
  if (!item) throw notFound('outcome item');
  const { scope } = await loadOutcomeScope(deps, actor, item.round_id);
  guard(outcomesPolicy.enter(actor, scope), actor, { confidential: 'outcome item' });
  if (
    !outcomesPolicy.readDrafts(actor, scope) &&
    !SHARED.includes(item.visibility as OutcomeVisibility)
  )
    throw notFound('outcome item');
  return { item, scope };
}

async function loadWritable(deps: Deps, actor: Actor, id: string) {
  const loaded = await loadItem(deps, actor, id);
  guard(outcomesPolicy.write(actor, loaded.scope), actor);
  return loaded;
}

export async function listOutcomeItems(
  deps: Deps,
  actor: Actor,
  roundId: string,
  query: z.output<typeof OutcomeListQuery>,
) {
  const { scope } = await loadOutcomeScope(deps, actor, roundId);
  guard(outcomesPolicy.enter(actor, scope), actor, { confidential: 'round' });
  const visibilities = outcomesPolicy.readDrafts(actor, scope) ? undefined : SHARED;
  const { rows, total } = await outcomesRepo.listItems(
    deps.db.kysely,
    roundId,
    { sessionId: query.sessionId, type: query.type, visibilities },
    query,
  );
  return { items: await present(deps, rows), total, limit: query.limit, offset: query.offset };
}

export async function getOutcomeItem(deps: Deps, actor: Actor, id: string) {
  const { item } = await loadItem(deps, actor, id);
  return (await present(deps, [item]))[0];
}

export async function createOutcomeItem(
  deps: Deps,
  actor: Actor,
  roundId: string,
  input: z.output<typeof OutcomeItemInput>,
) {
  const { scope } = await loadOutcomeScope(deps, actor, roundId);
  guard(outcomesPolicy.enter(actor, scope), actor, { confidential: 'round' });
  guard(outcomesPolicy.write(actor, scope), actor);
  const session = await outcomesRepo.session(deps.db.kysely, input.sessionId);
  if (!session || session.round_id !== roundId)
    throw badRequest('The session must be one of this round’s.', [
      { field: 'body.sessionId', message: 'is not a session of this round' },
    ]);
  if (session.attribution_rule === 'off_record')
    throw conflict(
      'This session was off the record: nothing from it is captured, so it has no outcomes.',
      [{ field: 'body.sessionId', message: 'is off the record' }],
    );
  await refuseQuotations(
    deps.db.kysely,
    roundId,
    itemNamed(input.title),
    titledPassages(input.title, input.body),
  );
  const now = deps.now().toISOString();
  const row: OutcomeItemsTable = {
    id: newId(),
    round_id: roundId,
    session_id: session.id,
    type: input.type,
    title: input.title,
    body: input.body,
    visibility: 'draft',
    version: 1,
    created_by: actor.user!.id,
    created_at: now,
    updated_at: now,
  };
  const evidence = await evidenceRows(
    deps,
    row,
    scope.seriesId,
    input.statementIds,
    'body.statementIds',
  );
  await deps.db.kysely.transaction().execute(async (trx) => {
    await outcomesRepo.insertItem(trx, row);
    await outcomesRepo.insertRevision(trx, revision('outcome_item', row, actor, now));
    await outcomesRepo.insertEvidence(trx, evidence);
  });
  return (await present(deps, [row]))[0];
}

function revision(
  documentType: string,
  doc: { id: string; version: number; title?: string; body: string },
  actor: Actor,
  at: string,
) {
  return {
    id: newId(),
    document_type: documentType,
    document_id: doc.id,
    version: doc.version,
    title: doc.title ?? '',
    body: doc.body,
    edited_by: actor.user?.id ?? null,
    at,
  };
}

/**
 * An edit based on `baseVersion`. If someone saved since, 409 with the current text: never a
 * silent overwrite. An item approved for publication goes back to participants-only, since its
 * new text has not been checked or approved.
 */
export async function updateOutcomeItem(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: z.output<typeof OutcomeItemPatch>,
) {
  const { item } = await loadWritable(deps, actor, id);
  const current = () => ({ version: Number(item.version), title: item.title, body: item.body });
  const early = stale(patch.baseVersion, current());
  if (early) throw early;
  const now = deps.now().toISOString();
  const next = {
    title: patch.title ?? item.title,
    body: patch.body ?? item.body,
    type: patch.type ?? item.type,
    version: patch.baseVersion + 1,
    visibility: item.visibility === 'public' ? 'participants' : item.visibility,
    updated_at: now,
  };
  await refuseQuotations(
    deps.db.kysely,
    item.round_id,
    itemNamed(next.title),
    titledPassages(next.title, next.body),
  );
  const saved = await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await outcomesRepo.updateItemAtVersion(trx, id, patch.baseVersion, next))) return false;
    await outcomesRepo.insertRevision(trx, revision('outcome_item', { id, ...next }, actor, now));
    return true;
  });
  if (!saved) {
    // Lost a race between the check and the write: answer with what won.
    const winner = (await outcomesRepo.findItem(deps.db.kysely, id))!;
    throw new VersionConflict({
      version: Number(winner.version),
      title: winner.title,
      body: winner.body,
    });
  }
  return getOutcomeItem(deps, actor, id);
}

export async function listOutcomeRevisions(deps: Deps, actor: Actor, id: string) {
  const { scope } = await loadItem(deps, actor, id);
  guard(outcomesPolicy.readDrafts(actor, scope), actor);
  return {
    items: (await outcomesRepo.revisions(deps.db.kysely, 'outcome_item', id)).map(presentRevision),
  };
}

export async function addEvidence(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.output<typeof EvidenceInput>,
) {
  const { item, scope } = await loadWritable(deps, actor, id);
  const rows = await evidenceRows(
    deps,
    item,
    scope.seriesId,
    input.statementIds,
    'body.statementIds',
  );
  await outcomesRepo.insertEvidence(deps.db.kysely, rows);
  return getOutcomeItem(deps, actor, id);
}

export async function removeEvidence(deps: Deps, actor: Actor, id: string, statementId: string) {
  await loadWritable(deps, actor, id);
  if (!(await outcomesRepo.deleteEvidence(deps.db.kysely, id, statementId)))
    throw notFound('evidence');
}

/** Draft → shared with participants (writers) → approved for publication (organisers, after the quoting check again: statements may have come since the save). */
export async function setVisibility(
  deps: Deps,
  actor: Actor,
  id: string,
  visibility: OutcomeVisibility,
) {
  const { item, scope } = await loadWritable(deps, actor, id);
  const touchesPublic = visibility === 'public' || item.visibility === 'public';
  guard(
    touchesPublic
      ? outcomesPolicy.approveForPublication(actor, scope)
      : outcomesPolicy.shareWithParticipants(actor, scope),
    actor,
  );
  if (visibility === 'public')
    await refuseQuotations(
      deps.db.kysely,
      scope.roundId,
      itemNamed(item.title),
      titledPassages(item.title, item.body),
    );
  await outcomesRepo.setVisibility(deps.db.kysely, id, visibility, deps.now().toISOString());
  if (visibility === 'public') {
    await audit.record(deps.db.kysely, deps.now(), {
      actorUserId: actor.user!.id,
      action: 'outcome_item.approve_for_publication',
      resourceType: 'outcome_item',
      resourceId: id,
      seriesId: scope.seriesId,
      detail: { version: item.version },
    });
  }
  return getOutcomeItem(deps, actor, id);
}
