import { CLOSED_RECOMMENDATION_STATUSES, type EvidenceSnapshot } from '../../domain/outcomes.ts';
import type { Actor } from '../auth/actor.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Deps } from '../deps.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { continuityPolicy } from '../policies/continuity.policy.ts';
import { recommendationCode } from '../presenters/recommendations.presenter.ts';
import { continuityRepo } from '../repositories/continuity.repository.ts';
import { recommendationsRepo } from '../repositories/recommendations.repository.ts';
import { guard } from './guard.ts';
import { currentFigures } from './outcomes.evidence.ts';

/**
 * Links a later statement to the earlier one it asks again: POST /statements/{earlier}/asked-again-as
 * {statementId: later}. Both in the same series, the later one in a later round; each statement
 * repeats at most one earlier one.
 */
export async function linkAskedAgain(deps: Deps, actor: Actor, earlierId: string, laterId: string) {
  const db = deps.db.kysely;
  const earlier = await continuityRepo.statementInSeries(db, earlierId);
  if (!earlier) throw notFound('statement');
  guard(continuityPolicy.linkStatements(actor, earlier.series_id), actor, {
    confidential: 'statement',
  });
  const later = await continuityRepo.statementInSeries(db, laterId);
  if (!later || later.series_id !== earlier.series_id)
    throw badRequest('The statement asked again must be one of the same series.', [
      { field: 'body.statementId', message: 'is not a statement of this series' },
    ]);
  if (Number(later.round_number) <= Number(earlier.round_number)) {
    throw conflict(
      `A statement is asked again in a later round: round ${later.round_number} is not after round ${earlier.round_number}.`,
      [{ field: 'body.statementId', message: 'is not in a later round' }],
    );
  }
  const row = {
    statement_id: laterId,
    repeat_of_id: earlierId,
    linked_by: actor.user!.id,
    at: deps.now().toISOString(),
  };
  try {
    await continuityRepo.insertRepeat(db, row);
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('That statement is already linked to an earlier one.', [
        { field: 'body.statementId', message: 'already asks again an earlier statement' },
      ]);
    throw error;
  }
  return { statementId: laterId, repeatOfId: earlierId, at: row.at };
}

/** Chains of statements asked again, each from its first asking, in round order. */
function threads(links: { statement_id: string; repeat_of_id: string }[]): string[][] {
  const repeatedBy = new Map<string, string[]>();
  for (const l of links)
    repeatedBy.set(l.repeat_of_id, [...(repeatedBy.get(l.repeat_of_id) ?? []), l.statement_id]);
  const isRepeat = new Set(links.map((l) => l.statement_id));
  const roots = [...repeatedBy.keys()].filter((id) => !isRepeat.has(id)).sort();
  return roots.map((root) => {
    const thread: string[] = [];
    const queue = [root];
    while (queue.length) {
      const id = queue.shift()!;
      thread.push(id);
      queue.push(...(repeatedBy.get(id) ?? []).sort());
    }
    return thread;
  });
}

/**
 * The series followed across rounds, ready to chart: per round the recommendations new in it,
 * carried into it and closed (implemented or dropped, by the date of that change) between it and
 * the next round; and, for statements asked again, each round's counts, classification and
 * per-delegation agree shares from the stored analysis (aggregates only).
 */
export async function getContinuity(deps: Deps, actor: Actor, seriesId: string) {
  const db = deps.db.kysely;
  if (!(await continuityRepo.series(db, seriesId))) throw notFound('series');
  guard(continuityPolicy.read(actor, seriesId), actor, { confidential: 'series continuity' });
  const [rounds, recommendations, carries, closings, links] = await Promise.all([
    continuityRepo.rounds(db, seriesId),
    recommendationsRepo.listForSeries(db, seriesId),
    continuityRepo.carries(db, seriesId),
    continuityRepo.closings(db, seriesId, CLOSED_RECOMMENDATION_STATUSES),
    continuityRepo.repeats(db, seriesId),
  ]);
  const code = new Map(
    recommendations.map((r) => [
      r.id,
      recommendationCode(Number(r.round_number), Number(r.number)),
    ]),
  );
  const closedOn = new Map<string, string>();
  // The change that closed it for good: the last one into a closed status, for those still closed.
  const stillClosed = new Set(
    recommendations
      .filter((r) => CLOSED_RECOMMENDATION_STATUSES.includes(r.status as never))
      .map((r) => r.id),
  );
  for (const c of closings)
    if (stillClosed.has(c.recommendation_id)) closedOn.set(c.recommendation_id, c.on_date);
  const periodOf = (date: string) => {
    let index = 0;
    rounds.forEach((r, i) => {
      if (r.starts_on <= date) index = i;
    });
    return rounds[index]?.id;
  };
  const roundsOut = rounds.map((round) => ({
    roundId: round.id,
    number: Number(round.number),
    startsOn: round.starts_on,
    recommendations: {
      new: recommendations.filter((r) => r.round_id === round.id).map((r) => code.get(r.id)!),
      carried: carries
        .filter((c) => c.round_id === round.id)
        .map((c) => code.get(c.recommendation_id)!)
        .sort(),
      closed: [...closedOn]
        .filter(([, on]) => periodOf(on) === round.id)
        .map(([id]) => code.get(id)!),
    },
  }));

  const chains = threads(links);
  const statements = await continuityRepo.statements(db, chains.flat());
  const byId = new Map(statements.map((s) => [s.id, s]));
  const figures = new Map<string, EvidenceSnapshot>();
  const bySession = new Map<string, string[]>();
  for (const s of statements)
    bySession.set(s.session_id, [...(bySession.get(s.session_id) ?? []), s.id]);
  for (const [sessionId, ids] of bySession)
    for (const [id, f] of await currentFigures(deps, seriesId, sessionId, ids)) figures.set(id, f);
  const askedAgain = chains.map((chain) => ({
    points: chain
      .map((id) => byId.get(id)!)
      .sort((a, b) => Number(a.round_number) - Number(b.round_number))
      .map((s) => {
        const f = figures.get(s.id)!;
        return {
          roundId: s.round_id,
          roundNumber: Number(s.round_number),
          statementId: s.id,
          text: s.text,
          classification: f.classification,
          agree: f.agree,
          disagree: f.disagree,
          pass: f.pass,
          delegations: f.delegations,
        };
      }),
  }));
  return { seriesId, rounds: roundsOut, askedAgain };
}
