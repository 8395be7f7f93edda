import { coarseTime, isSealed } from '../services/statements.queue.ts';
import type { AttributionRule, StatementKind, StatementStatus } from '../../domain/enums.ts';
import type { Statement, VoteCounts } from '../../domain/statements.ts';
import type { StatementRevisionsTable, StatementsTable } from '../db/schema.ts';

/** Who is looking, under which rule, with the aggregates and names the presenter may use. */
export interface StatementView {
  rule: AttributionRule;
  /** The requester's user id (null for a broadcast to the whole room). */
  viewerUserId: string | null;
  /** Moderators and organisers see rejection reasons and history of every statement. */
  moderator: boolean;
  /** Released totals (services/releases.ts); a statement absent has none to show. */
  counts: Map<string, VoteCounts>;
  /** Author names by participation id; consulted only on the record. */
  authorNames?: Map<string, string>;
  revisions?: StatementRevisionsTable[];
}

/**
 * The one place a statement row becomes what a client sees. The session's rule decides, whatever
 * the client asked: only on the record is an author named; under the Chatham House rules and off
 * the record the author stays sealed and the requester only learns which statements are `mine`.
 */
export function presentStatement(row: StatementsTable, view: StatementView): Statement {
  const mine = view.viewerUserId !== null && row.author_user_id === view.viewerUserId;
  const authorName =
    view.rule === 'on_record' && row.author_participation_id
      ? view.authorNames?.get(row.author_participation_id)
      : undefined;
  const privileged = mine || view.moderator;
  const sealedTimes = isSealed(view.rule) && !mine;
  return {
    id: row.id,
    sessionId: row.session_id,
    kind: row.kind as StatementKind,
    text: row.text,
    translation: row.translation,
    language: row.language,
    origin: row.origin as Statement['origin'],
    status: row.status as StatementStatus,
    rejectionReason: privileged ? row.rejection_reason : null,
    mergedIntoId: row.merged_into_id,
    position: row.position,
    // Under a sealed rule, the minute: the moment of submission would name the typist.
    createdAt: sealedTimes ? coarseTime(row.created_at) : row.created_at,
    updatedAt: sealedTimes ? coarseTime(row.updated_at) : row.updated_at,
    mine,
    author: authorName ? { name: authorName } : null,
    quotable: view.rule === 'on_record' || view.rule === 'chatham_house',
    counts: view.counts.get(row.id) ?? null,
    ...(privileged && view.revisions
      ? {
          history: view.revisions
            .filter((r) => r.statement_id === row.id)
            .map((r) => ({
              text: r.text,
              translation: r.translation,
              reason: r.reason,
              replacedAt: r.at,
            })),
        }
      : {}),
  };
}
