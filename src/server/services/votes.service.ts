import type { z } from 'zod';
import type { AttributionRule } from '../../domain/enums.ts';
import type { MyVote, NextStatement, VoteInput } from '../../domain/statements.ts';
import { activeParticipation, type Actor } from '../auth/actor.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Deps } from '../deps.ts';
import { conflict, forbidden, HttpError, notFound } from '../http/errors.ts';
import { isModeratorOf } from '../policies/statements.policy.ts';
import { votesPolicy } from '../policies/votes.policy.ts';
import { statementsRepo } from '../repositories/statements.repository.ts';
import { insertVoteIfAllowed } from '../repositories/votes.batch.ts';
import { votesRepo, type CastVote } from '../repositories/votes.repository.ts';
import { guard } from './guard.ts';
import {
  CLOSED_MESSAGE,
  frozenReason,
  loadSession,
  NOT_OPEN_MESSAGE,
  OFF_RECORD_MESSAGE,
  presentRows,
} from './statements.service.ts';
import { checkFlood } from './votes.rate-limit.ts';

export const NOTHING_LEFT_MESSAGE =
  'Nothing left to vote on: you have voted on every approved statement of this session. New statements may still be approved, so look again later.';

type Receipt = z.output<typeof MyVote> & { replayed: boolean; created: boolean };
const asVote = (v: {
  client_vote_id: string;
  statement_id: string;
  value: number;
  updated_at: string;
}) => ({
  clientVoteId: v.client_vote_id,
  statementId: v.statement_id,
  value: v.value as -1 | 0 | 1,
  votedAt: v.updated_at,
});

/**
 * Casts, changes or replays a vote. Idempotency: a vote row keeps the client id of the vote that
 * set it, and ids superseded by a later vote are kept in superseded_votes; so
 * - a new id on a statement the voter has not voted on: one INSERT (the hot path), 201;
 * - a new id on a statement the voter already voted on: the later vote wins, 201;
 * - an id seen before (a retry, even of a superseded vote, even after the session closed):
 *   nothing changes, 200 with the voter's current vote on that statement (`replayed: true`);
 * - an id seen before for a different voter or statement is a client bug: 409.
 * The hot path is one INSERT ... SELECT that checks statement, session and participation as it
 * writes (the participations come from the actor loaded with the request), batched with the
 * votes arriving at the same time (repositories/votes.batch.ts); only when it inserts nothing
 * does the full path read the statement to answer 404, 403, 409, a replay or a change.
 */
export async function castVote(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: z.output<typeof VoteInput>,
): Promise<Receipt> {
  guard(actor.user !== null, actor);
  checkFlood(deps, 'vote', actor.user!.id);
  const db = deps.db.kysely;
  const at = deps.now().toISOString();
  const activeIds = actor.participations
    .map((p) => activeParticipation(actor, p.roundId)?.participationId)
    .filter((id): id is string => id !== undefined);
  if (
    activeIds.length > 0 &&
    (await insertVoteIfAllowed(deps.db, { ...input, sessionId, at }, activeIds))
  )
    return accepted(deps, sessionId, input, at);
  // Not stored: a seen id, a change of an earlier vote, or a refusal; the full path sorts it out.
  const st = await statementsRepo.findWithSession(db, input.statementId);
  if (!st) throw notFound('statement');
  if (st.session_id !== sessionId) {
    await loadSession(deps, sessionId);
    throw forbidden('This statement belongs to another session; vote on it in its own session.');
  }
  const participation = activeParticipation(actor, st.round_id);
  if (!votesPolicy.vote(actor, st.round_id) || !participation)
    throw forbidden('Only participants of this round vote in its sessions.');
  const participationId = participation.participationId;

  const refusal = voteRefusal(st);
  if (refusal) {
    // A retry of a vote accepted before the session closed still gets its answer.
    const replay = await replayOf(deps, input.clientVoteId, participationId);
    if (replay) return replay;
    throw refusal;
  }
  const replay = await replayOf(deps, input.clientVoteId, participationId, input.statementId);
  if (replay) return replay;
  const vote = { ...input, sessionId, participationId, at };
  try {
    await votesRepo.insertNew(db, vote);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Either the voter already voted on the statement (a change) or a concurrent retry won the race.
    const raced = await replayOf(deps, input.clientVoteId, participationId, input.statementId);
    if (raced) return raced;
    await changeVote(deps, vote);
  }
  return accepted(deps, sessionId, input, at);
}

function accepted(
  deps: Deps,
  sessionId: string,
  input: z.output<typeof VoteInput>,
  at: string,
): Receipt {
  deps.live?.votesChanged(sessionId);
  return {
    clientVoteId: input.clientVoteId,
    statementId: input.statementId,
    value: input.value,
    votedAt: at,
    replayed: false,
    created: true,
  };
}

/** The voter changes their vote; a concurrent retry of the same id loses the race and is replayed. */
async function changeVote(deps: Deps, vote: CastVote & { clientVoteId: string }) {
  try {
    await deps.db.kysely.transaction().execute((trx) => votesRepo.change(trx, vote));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (!(await replayOf(deps, vote.clientVoteId, vote.participationId, vote.statementId)))
      throw error;
  }
}

function voteRefusal(st: {
  status: string;
  merged_into_id: string | null;
  session_status: string;
  attribution_rule: string;
}): HttpError | null {
  const frozen = frozenReason({ status: st.session_status, attribution_rule: st.attribution_rule });
  if (frozen) return conflict(frozen);
  if (st.status === 'merged')
    return conflict(`This statement was merged into ${st.merged_into_id}; vote on that one.`);
  if (st.status !== 'approved')
    return conflict(`This statement is ${st.status}, not approved: it cannot be voted on.`);
  return null;
}

/** The stored answer for a clientVoteId seen before (current or superseded), or null when it is new. */
async function replayOf(
  deps: Deps,
  clientVoteId: string,
  participationId: string,
  statementId?: string,
): Promise<Receipt | null> {
  const db = deps.db.kysely;
  const seen =
    (await votesRepo.findById(db, clientVoteId)) ??
    (await votesRepo.findSuperseded(db, clientVoteId));
  if (!seen) return null;
  // Without a statement (a refused vote, e.g. on a merged duplicate whose votes moved to the target) the voter is enough.
  if (
    seen.participation_id !== participationId ||
    (statementId !== undefined && seen.statement_id !== statementId)
  ) {
    throw conflict(
      'This clientVoteId was already used for another vote: make a new UUID for every vote.',
      [{ field: 'body.clientVoteId', message: 'already used' }],
    );
  }
  const current = await votesRepo.current(db, participationId, seen.statement_id);
  return {
    ...asVote(
      current ?? {
        ...seen,
        client_vote_id: clientVoteId,
        updated_at: 'at' in seen ? seen.at : seen.updated_at,
      },
    ),
    replayed: true,
    created: false,
  };
}

export async function myVotes(deps: Deps, actor: Actor, sessionId: string) {
  const session = await loadSession(deps, sessionId);
  const participation = activeParticipation(actor, session.round_id);
  guard(participation !== undefined, actor, { confidential: 'session' });
  const rows = await votesRepo.mine(deps.db.kysely, sessionId, participation!.participationId);
  return { items: rows.map(asVote) };
}

/**
 * The next statement for the participant: drawn among their unvoted approved statements with
 * probability proportional to the routing priority of the latest stored analysis (weight 1
 * where none is known yet), or an honest "done".
 */
export async function nextStatement(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  random: () => number = Math.random,
): Promise<NextStatement> {
  const session = await loadSession(deps, sessionId);
  const participation = activeParticipation(actor, session.round_id);
  guard(participation !== undefined, actor, { confidential: 'session' });
  if (session.attribution_rule === 'off_record') return { done: true, message: OFF_RECORD_MESSAGE };
  if (session.status === 'closed') return { done: true, message: CLOSED_MESSAGE };
  if (session.status !== 'open') return { done: true, message: NOT_OPEN_MESSAGE };

  const db = deps.db.kysely;
  const [candidates, priorities] = await Promise.all([
    statementsRepo.unvotedApproved(db, sessionId, participation!.participationId),
    votesRepo.routingPriorities(db, sessionId),
  ]);
  if (candidates.length === 0) return { done: true, message: NOTHING_LEFT_MESSAGE };
  // Priority 0 means "moderated out" in an analysis older than the approval: treat as unknown.
  const weights = candidates.map((c) => {
    const p = priorities.get(c.id);
    return p !== undefined && p > 0 ? p : 1;
  });
  const chosen = candidates[drawIndex(weights, random)];
  const moderator = isModeratorOf(actor, session.series_id, session.round_id);
  const [statement] = await presentRows(deps, actor, [chosen], {
    rule: session.attribution_rule as AttributionRule,
    moderator,
  });
  return { done: false, statement, remaining: candidates.length };
}

/** Index drawn with probability weights[i] / sum(weights). */
export function drawIndex(weights: readonly number[], random: () => number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}
