import { batchEnd, isSealed, queuedBefore } from './statements.queue.ts';
import { releasedVoteCounts } from './releases.ts';
import type { z } from 'zod';
import type { AttributionRule } from '../../domain/enums.ts';
import type {
  StatementInput,
  StatementListQuery,
  StatementPatch,
} from '../../domain/statements.ts';
import { activeParticipation, PUBLIC, type Actor } from '../auth/actor.ts';
import type { StatementsTable } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { conflict, forbidden, notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { isModeratorOf, statementsPolicy } from '../policies/statements.policy.ts';
import { presentStatement } from '../presenters/statement.presenter.ts';
import { dialogueSessionsRepo } from '../repositories/dialogue-sessions.repository.ts';
import { statementsRepo } from '../repositories/statements.repository.ts';
import { guard } from './guard.ts';
import { checkFlood } from './votes.rate-limit.ts';

export const OFF_RECORD_MESSAGE =
  'This session is off the record: nothing is captured, so it takes no statements and no votes.';
export const CLOSED_MESSAGE = 'This session is closed: its statements and votes are frozen.';
export const NOT_OPEN_MESSAGE =
  'This session has not opened yet: statements and votes are taken once a moderator opens it.';

/** Why nothing may change in this session now (null when it may). Organisers may prepare a scheduled session. */
export function frozenReason(
  session: { status: string; attribution_rule: string },
  preparing = false,
): string | null {
  if (session.attribution_rule === 'off_record') return OFF_RECORD_MESSAGE;
  if (session.status === 'closed') return CLOSED_MESSAGE;
  if (session.status !== 'open' && !preparing) return NOT_OPEN_MESSAGE;
  return null;
}

export async function loadSession(deps: Deps, sessionId: string) {
  const row = await dialogueSessionsRepo.findWithSeries(deps.db.kysely, sessionId);
  if (!row) throw notFound('session');
  return row;
}

export type StatementInContext = NonNullable<
  Awaited<ReturnType<typeof statementsRepo.findWithSession>>
>;

/** A statement the actor may see: the round's participants see approved ones and their own; moderators everything. */
export async function loadVisibleStatement(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<StatementInContext> {
  const row = await statementsRepo.findWithSession(deps.db.kysely, id);
  if (!row) throw notFound('statement');
  guard(statementsPolicy.read(actor, row.series_id, row.round_id), actor, {
    confidential: 'statement',
  });
  const visible =
    row.status === 'approved' ||
    row.author_user_id === actor.user?.id ||
    isModeratorOf(actor, row.series_id, row.round_id);
  if (!visible) throw notFound('statement');
  return row;
}

/** Presents rows for the actor under the session's rule, with released vote totals, names (on the record only) and history. */
export async function presentRows(
  deps: Deps,
  actor: Actor,
  rows: StatementsTable[],
  ctx: { rule: AttributionRule; moderator: boolean; history?: boolean },
) {
  const db = deps.db.kysely;
  const ids = rows.map((r) => r.id);
  const authors =
    ctx.rule === 'on_record'
      ? rows.map((r) => r.author_participation_id).filter((p): p is string => p !== null)
      : [];
  const [counts, authorNames, revisions] = await Promise.all([
    releasedVoteCounts(deps, [...new Set(rows.map((r) => r.session_id))]),
    statementsRepo.authorNames(db, authors),
    ctx.history ? statementsRepo.revisions(db, ids) : undefined,
  ]);
  const view = {
    rule: ctx.rule,
    viewerUserId: actor.user?.id ?? null,
    moderator: ctx.moderator,
    counts,
    authorNames,
    revisions,
  };
  return rows.map((row) => presentStatement(row, view));
}

export async function listStatements(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  query: z.output<typeof StatementListQuery>,
) {
  const session = await loadSession(deps, sessionId);
  guard(statementsPolicy.read(actor, session.series_id, session.round_id), actor, {
    confidential: 'session',
  });
  const moderator = isModeratorOf(actor, session.series_id, session.round_id);
  const rule = session.attribution_rule as AttributionRule;
  const batchMs = deps.config.queueBatchMs;
  const filter = {
    status: query.status,
    ...(moderator ? {} : { approvedOrAuthoredBy: actor.user!.id }),
    ...(moderator && isSealed(rule)
      ? { pendingCreatedBefore: queuedBefore(deps.now().getTime(), batchMs) }
      : {}),
  };
  const { rows, total } = await statementsRepo.list(deps.db.kysely, sessionId, filter, query);
  const items = await presentRows(deps, actor, rows, { rule, moderator });
  return { items, total, limit: query.limit, offset: query.offset };
}

export async function getStatement(deps: Deps, actor: Actor, id: string) {
  const row = await loadVisibleStatement(deps, actor, id);
  const moderator = isModeratorOf(actor, row.series_id, row.round_id);
  const [statement] = await presentRows(deps, actor, [row], {
    rule: row.attribution_rule as AttributionRule,
    moderator,
    history: true,
  });
  return statement;
}

/** Organisers seed (approved at once); the round's participants submit into the moderation queue. */
export async function createStatement(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: z.output<typeof StatementInput>,
) {
  const session = await loadSession(deps, sessionId);
  const seeding = statementsPolicy.seed(actor, session.series_id);
  guard(seeding || statementsPolicy.submit(actor, session.round_id), actor);
  const frozen = frozenReason(session, seeding);
  if (frozen) throw conflict(frozen);
  if (!seeding) checkFlood(deps, 'statement', actor.user!.id);

  const db = deps.db.kysely;
  const now = deps.now().toISOString();
  const row: StatementsTable = {
    id: newId(),
    session_id: sessionId,
    kind: input.kind,
    text: input.text,
    translation: input.translation,
    language: input.language,
    // Sealed: kept so the author can correct it and an admin can act on abuse; presented only on the record.
    author_user_id: actor.user!.id,
    author_participation_id: activeParticipation(actor, session.round_id)?.participationId ?? null,
    origin: seeding ? 'seeded' : 'submitted',
    status: seeding ? 'approved' : 'pending',
    rejection_reason: null,
    merged_into_id: null,
    is_meta: 0,
    position: await statementsRepo.nextPosition(db, sessionId),
    created_at: now,
    updated_at: now,
  };
  await statementsRepo.insert(db, row);
  const rule = session.attribution_rule as AttributionRule;
  await announce(deps, row, rule, false);
  const [statement] = await presentRows(deps, actor, [row], {
    rule,
    moderator: isModeratorOf(actor, session.series_id, session.round_id),
  });
  return statement;
}

/** The author corrects their own statement while it is still pending; the earlier wording is kept. */
export async function correctStatement(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: z.output<typeof StatementPatch>,
) {
  const row = await loadVisibleStatement(deps, actor, id);
  if (!statementsPolicy.editOwn(actor, row.author_user_id)) {
    throw forbidden(
      'Only the author corrects a statement here; moderators edit through POST /api/v1/statements/{id}/moderation.',
    );
  }
  const frozen = frozenReason(
    { status: row.session_status, attribution_rule: row.attribution_rule },
    true,
  );
  if (frozen) throw conflict(frozen);
  if (row.status !== 'pending')
    throw conflict(
      'Only a pending statement can be corrected by its author; ask a moderator to edit it now.',
    );
  await reword(deps, actor, row, {
    text: patch.text ?? row.text,
    translation: patch.translation ?? row.translation,
    reason: 'corrected by the author',
  });
  return getStatement(deps, actor, id);
}

/** Replaces the wording, keeping the old one in statement_revisions (who replaced it stays sealed). */
export async function reword(
  deps: Deps,
  actor: Actor,
  row: StatementsTable,
  change: { text: string; translation: string; reason: string },
) {
  const at = deps.now().toISOString();
  await deps.db.kysely.transaction().execute(async (trx) => {
    await statementsRepo.insertRevision(trx, {
      id: newId(),
      statement_id: row.id,
      text: row.text,
      translation: row.translation,
      edited_by: actor.user?.id ?? null,
      reason: change.reason,
      at,
    });
    await statementsRepo.update(trx, row.id, {
      text: change.text,
      translation: change.translation,
      updated_at: at,
    });
  });
}

/**
 * Tells the room after a committed change. Only what the whole room may see travels: an approved
 * statement (or one that just left the approved set) presented with no viewer, so never an
 * author beyond the rule; otherwise just the size of the moderation queue.
 */
export async function announce(
  deps: Deps,
  row: StatementsTable,
  rule: AttributionRule,
  wasApproved: boolean,
) {
  if (!deps.live) return;
  if (row.status === 'approved' || wasApproved) {
    const [statement] = await presentRows(deps, PUBLIC, [row], { rule, moderator: false });
    await deps.live.publish(row.session_id, { type: 'statement', data: statement });
    deps.live.votesChanged(row.session_id);
  }
  const live = deps.live;
  const batchMs = deps.config.queueBatchMs;
  const publishQueue = async () => {
    const nowMs = deps.now().getTime();
    const { total } = await statementsRepo.list(
      deps.db.kysely,
      row.session_id,
      {
        status: 'pending',
        ...(isSealed(rule) ? { pendingCreatedBefore: queuedBefore(nowMs, batchMs) } : {}),
      },
      { limit: 1, offset: 0 },
    );
    await live.publish(row.session_id, { type: 'moderation-queue', data: { pending: total } });
  };
  if (isSealed(rule) && row.status === 'pending' && batchMs > 0) {
    // Sent when the statement's batch ends, with the others of its batch.
    const end = batchEnd(Date.parse(row.created_at), batchMs);
    live.publishAt(`moderation-queue:${row.session_id}:${end}`, end, publishQueue);
  } else await publishQueue();
}
