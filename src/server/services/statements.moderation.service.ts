import type { z } from 'zod';
import type { AttributionRule } from '../../domain/enums.ts';
import type {
  ModerationInput,
  RevealAuthorInput,
  StatementOrder,
} from '../../domain/statements.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { badRequest, conflict, forbidden } from '../http/errors.ts';
import { sessionsPolicy } from '../policies/sessions.policy.ts';
import { statementsPolicy } from '../policies/statements.policy.ts';
import { presentDialogueSession } from '../presenters/dialogue-sessions.presenter.ts';
import { audit } from '../repositories/audit.repository.ts';
import { dialogueSessionsRepo } from '../repositories/dialogue-sessions.repository.ts';
import { statementsRepo } from '../repositories/statements.repository.ts';
import { votesRepo } from '../repositories/votes.repository.ts';
import { guard } from './guard.ts';
import {
  announce,
  frozenReason,
  getStatement,
  loadSession,
  loadVisibleStatement,
  reword,
  type StatementInContext,
} from './statements.service.ts';

/**
 * Moderation: approve, reject with a reason, merge a duplicate into another statement of the
 * same session, or edit the wording (the old one is kept). Merging moves the duplicate's votes
 * to the target, except for voters who had already voted on the target: their vote on the
 * target stands and the duplicate's is dropped, so no one counts twice and no vote is lost.
 */
export async function moderateStatement(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ModerationInput,
) {
  const row = await loadVisibleStatement(deps, actor, id);
  if (!statementsPolicy.moderate(actor, row.series_id, row.round_id))
    throw forbidden('Only moderators of this round and organisers moderate statements.');
  const frozen = frozenReason(
    { status: row.session_status, attribution_rule: row.attribution_rule },
    true,
  );
  if (frozen) throw conflict(frozen);
  if (row.status === 'merged')
    throw conflict('This statement was merged into another; moderate that one instead.');

  const now = deps.now().toISOString();
  const db = deps.db.kysely;
  const wasApproved = row.status === 'approved';
  switch (input.action) {
    case 'approve': {
      // A newly approved statement joins the end of the order the moderators have set.
      const position = wasApproved
        ? row.position
        : await statementsRepo.nextPosition(db, row.session_id);
      await statementsRepo.update(db, id, {
        status: 'approved',
        rejection_reason: null,
        position,
        updated_at: now,
      });
      break;
    }
    case 'reject':
      await statementsRepo.update(db, id, {
        status: 'rejected',
        rejection_reason: input.reason,
        updated_at: now,
      });
      break;
    case 'edit':
      await reword(deps, actor, row, {
        text: input.text,
        translation: input.translation ?? row.translation,
        reason: input.reason,
      });
      break;
    case 'merge':
      await merge(deps, row, input.intoId, now);
      break;
  }
  const updated = (await statementsRepo.find(db, id))!;
  await announce(deps, updated, row.attribution_rule as AttributionRule, wasApproved);
  return getStatement(deps, actor, id);
}

async function merge(deps: Deps, row: StatementInContext, intoId: string, now: string) {
  const field = 'body.intoId';
  if (intoId === row.id)
    throw badRequest('A statement cannot be merged into itself.', [
      { field, message: 'must be another statement' },
    ]);
  const target = await statementsRepo.find(deps.db.kysely, intoId);
  if (!target || target.session_id !== row.session_id) {
    throw badRequest('Merge only duplicates within one session.', [
      { field, message: 'must be a statement of the same session' },
    ]);
  }
  if (target.status !== 'approved' && target.status !== 'pending') {
    throw conflict(
      `The target statement is ${target.status}; merge into a pending or approved one.`,
      [{ field, message: `is ${target.status}` }],
    );
  }
  await deps.db.kysely.transaction().execute(async (trx) => {
    await votesRepo.moveOnMerge(trx, row.id, intoId, now);
    await statementsRepo.update(trx, row.id, {
      status: 'merged',
      merged_into_id: intoId,
      updated_at: now,
    });
  });
  const movedInto = (await statementsRepo.find(deps.db.kysely, intoId))!;
  await announce(deps, movedInto, row.attribution_rule as AttributionRule, false);
}

/**
 * Sets the order of a session's approved statements (moderators and organisers). The list must
 * name every approved statement exactly once, so a stale screen cannot drop or invent one.
 */
export async function reorderStatements(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: StatementOrder,
) {
  const session = await loadSession(deps, sessionId);
  guard(statementsPolicy.moderate(actor, session.series_id, session.round_id), actor, {
    confidential: 'session',
  });
  const frozen = frozenReason(session, true);
  if (frozen) throw conflict(frozen);
  const { statementIds } = input;
  await deps.db.kysely.transaction().execute(async (trx) => {
    const approved = new Set(await statementsRepo.approvedIds(trx, sessionId));
    const field = 'body.statementIds';
    const stranger = statementIds.find((id) => !approved.has(id));
    if (stranger)
      throw badRequest('List only approved statements of this session.', [
        { field, message: `${stranger} is not an approved statement of this session` },
      ]);
    if (statementIds.length !== approved.size) {
      throw badRequest('List every approved statement of this session.', [
        {
          field,
          message: `must list all ${approved.size} approved statements, got ${statementIds.length}`,
        },
      ]);
    }
    await statementsRepo.setPositions(trx, sessionId, statementIds);
  });
  // The order only: ids of approved statements, which every reader of the session already sees.
  await deps.live?.publish(sessionId, { type: 'statement-order', data: { statementIds } });
  return { statementIds };
}

/** Unseals a statement's author for an admin acting on abuse; always audited with the reason. */
export async function revealAuthor(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.output<typeof RevealAuthorInput>,
) {
  const row = await statementsRepo.findWithSession(deps.db.kysely, id);
  guard(row !== undefined && statementsPolicy.revealAuthor(actor), actor, {
    confidential: 'statement',
  });
  const author = (await statementsRepo.sealedAuthor(deps.db.kysely, id))!;
  await audit.record(deps.db.kysely, deps.now(), {
    actorUserId: actor.user!.id,
    action: 'statement.reveal_author',
    resourceType: 'statement',
    resourceId: id,
    seriesId: row!.series_id,
    detail: { reason: input.reason, sessionId: row!.session_id },
  });
  const personName = author.full_name
    ? [author.honorific, author.full_name].filter(Boolean).join(' ')
    : null;
  return {
    statementId: id,
    author: {
      userId: author.user_id,
      email: author.email,
      displayName: author.display_name,
      personName,
    },
  };
}

/** Opens or closes a session (organisers and the round's moderators). Closing freezes statements, votes and moderation. */
export async function setSessionStatus(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  status: 'open' | 'closed',
) {
  const session = await loadSession(deps, sessionId);
  guard(statementsPolicy.openOrClose(actor, session.series_id, session.round_id), actor);
  if (session.status !== status) {
    await dialogueSessionsRepo.update(deps.db.kysely, sessionId, { status });
    if (deps.live) {
      await deps.live.publish(sessionId, { type: 'session', data: { id: sessionId, status } });
      deps.live.votesChanged(sessionId);
    }
  }
  return presentDialogueSession(
    { ...session, status },
    sessionsPolicy.readPeople(actor, session.series_id, session.round_id),
    session.time_zone,
  );
}
