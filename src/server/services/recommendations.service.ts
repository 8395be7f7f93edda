import type { z } from 'zod';
import {
  CLOSED_RECOMMENDATION_STATUSES,
  type RecommendationInput,
  type RecommendationPatch,
  type RecommendationStatus,
  type StatusChangeInput,
} from '../../domain/outcomes.ts';
import type { Actor } from '../auth/actor.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Deps } from '../deps.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { recommendationsPolicy } from '../policies/recommendations.policy.ts';
import {
  presentRecommendation,
  type RecommendationRow,
} from '../presenters/recommendations.presenter.ts';
import { audit } from '../repositories/audit.repository.ts';
import { outcomesRepo } from '../repositories/outcomes.repository.ts';
import { recommendationsRepo } from '../repositories/recommendations.repository.ts';
import { guard } from './guard.ts';
import { loadOutcomeScope } from './outcomes.scope.ts';
import { refuseQuotations, titledPassages } from './quoting/guard.ts';
import { PUBLISHABLE_RECOMMENDATION } from './reports.outcomes.ts';

/** A recommendation's text against its round's Chatham House Rule Plus statements (409 when it reproduces one). */
const refuseQuotes = (deps: Deps, roundId: string, text: { title: string; body: string }) =>
  refuseQuotations(
    deps.db.kysely,
    roundId,
    `The recommendation “${text.title}”`,
    titledPassages(text.title, text.body),
  );

async function present(deps: Deps, rows: RecommendationRow[], inRoundId?: string) {
  const ids = rows.map((r) => r.id);
  const [history, carries] = await Promise.all([
    recommendationsRepo.history(deps.db.kysely, ids),
    recommendationsRepo.carries(deps.db.kysely, ids),
  ]);
  return rows.map((r) => presentRecommendation(r, history, carries, inRoundId));
}

/** A recommendation the actor may read: through its own round, or a round it was carried into. */
async function load(deps: Deps, actor: Actor, id: string) {
  const row = await recommendationsRepo.find(deps.db.kysely, id);
  if (!row) throw notFound('recommendation');
  const { scope } = await loadOutcomeScope(deps, actor, row.round_id);
  if (!recommendationsPolicy.read(actor, scope)) {
    const carries = await recommendationsRepo.carries(deps.db.kysely, [id]);
    for (const c of carries)
      if (
        recommendationsPolicy.read(actor, (await loadOutcomeScope(deps, actor, c.round_id)).scope)
      )
        return { row, scope };
  }
  guard(recommendationsPolicy.read(actor, scope), actor, { confidential: 'recommendation' });
  return { row, scope };
}

export async function getRecommendation(deps: Deps, actor: Actor, id: string) {
  return (await present(deps, [(await load(deps, actor, id)).row]))[0];
}

/** The round's own recommendations and those carried into its agenda (`carried: true`). */
export async function listRoundRecommendations(deps: Deps, actor: Actor, roundId: string) {
  const { scope } = await loadOutcomeScope(deps, actor, roundId);
  guard(recommendationsPolicy.read(actor, scope), actor, { confidential: 'round' });
  return {
    items: await present(
      deps,
      await recommendationsRepo.listForRound(deps.db.kysely, roundId),
      roundId,
    ),
  };
}

/** Numbered R<round>.<n> in creation order; numbers are never reused (recommendations are dropped, not deleted). */
export async function createRecommendation(
  deps: Deps,
  actor: Actor,
  roundId: string,
  input: z.output<typeof RecommendationInput>,
) {
  const { scope } = await loadOutcomeScope(deps, actor, roundId);
  guard(recommendationsPolicy.write(actor, scope), actor, { confidential: 'round' });
  if (input.originSessionId) {
    const session = await outcomesRepo.session(deps.db.kysely, input.originSessionId);
    if (!session || session.round_id !== roundId)
      throw badRequest('The origin session must be one of this round’s.', [
        { field: 'body.originSessionId', message: 'is not a session of this round' },
      ]);
  }
  await refuseQuotes(deps, roundId, input);
  const db = deps.db.kysely;
  const now = deps.now().toISOString();
  const id = newId();
  for (let attempt = 0; ; attempt++) {
    try {
      const number = await recommendationsRepo.nextNumber(db, roundId);
      await recommendationsRepo.insert(db, {
        id,
        round_id: roundId,
        number,
        session_id: input.originSessionId,
        title: input.title,
        body: input.body,
        addressees: JSON.stringify(input.addressees),
        status: 'proposed',
        created_by: actor.user!.id,
        created_at: now,
        updated_at: now,
      });
      break;
    } catch (error) {
      // Two created at once took the same number: take the next one.
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
  return getRecommendation(deps, actor, id);
}

export async function updateRecommendation(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: z.output<typeof RecommendationPatch>,
) {
  const { row, scope } = await load(deps, actor, id);
  guard(recommendationsPolicy.write(actor, scope), actor);
  await refuseQuotes(deps, row.round_id, {
    title: patch.title ?? row.title,
    body: patch.body ?? row.body,
  });
  await recommendationsRepo.update(deps.db.kysely, id, {
    ...(patch.title !== undefined && { title: patch.title }),
    ...(patch.body !== undefined && { body: patch.body }),
    ...(patch.addressees !== undefined && { addressees: JSON.stringify(patch.addressees) }),
    updated_at: deps.now().toISOString(),
  });
  return getRecommendation(deps, actor, id);
}

/** Every change of status carries its date and evidence (the schema makes both required: 400 naming the field). */
export async function changeStatus(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.output<typeof StatusChangeInput>,
) {
  const { row, scope } = await load(deps, actor, id);
  guard(recommendationsPolicy.write(actor, scope), actor);
  if (row.status === input.status)
    throw conflict(`The recommendation is already ${input.status}.`, [
      { field: 'body.status', message: 'is the current status' },
    ]);
  // Agreed and beyond, it goes into the public report: check it again (statements may be newer).
  if (PUBLISHABLE_RECOMMENDATION.includes(input.status))
    await refuseQuotes(deps, row.round_id, row);
  const now = deps.now().toISOString();
  await deps.db.kysely.transaction().execute(async (trx) => {
    await recommendationsRepo.insertStatusChange(trx, {
      id: newId(),
      recommendation_id: id,
      status: input.status,
      on_date: input.on,
      evidence: input.evidence.text,
      evidence_url: input.evidence.url ?? null,
      changed_by: actor.user!.id,
      at: now,
    });
    await recommendationsRepo.update(trx, id, { status: input.status, updated_at: now });
  });
  await audit.record(deps.db.kysely, deps.now(), {
    actorUserId: actor.user!.id,
    action: 'recommendation.status',
    resourceType: 'recommendation',
    resourceId: id,
    seriesId: scope.seriesId,
    detail: { from: row.status, to: input.status },
  });
  return getRecommendation(deps, actor, id);
}

/** Carries an open recommendation into the agenda of a later round of the same series (organisers). */
export async function carryRecommendation(deps: Deps, actor: Actor, id: string, roundId: string) {
  const { row, scope } = await load(deps, actor, id);
  guard(recommendationsPolicy.carry(actor, scope.seriesId), actor);
  const target = await outcomesRepo.round(deps.db.kysely, roundId);
  if (!target || target.series_id !== scope.seriesId)
    throw badRequest('The round must be one of the same series.', [
      { field: 'body.roundId', message: 'is not a round of this series' },
    ]);
  if (Number(target.number) <= Number(row.round_number))
    throw conflict(
      `A recommendation is carried into a later round: round ${target.number} is not after round ${row.round_number}.`,
      [{ field: 'body.roundId', message: 'is not a later round' }],
    );
  if (CLOSED_RECOMMENDATION_STATUSES.includes(row.status as RecommendationStatus))
    throw conflict(
      `The recommendation is ${row.status}: a closed recommendation is not carried on.`,
    );
  try {
    await recommendationsRepo.insertCarry(deps.db.kysely, {
      recommendation_id: id,
      round_id: roundId,
      carried_by: actor.user!.id,
      at: deps.now().toISOString(),
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('The recommendation is already on that round’s agenda.', [
        { field: 'body.roundId', message: 'already carried there' },
      ]);
    throw error;
  }
  return getRecommendation(deps, actor, id);
}
