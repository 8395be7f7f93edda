import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

export interface CastVote {
  clientVoteId: string;
  sessionId: string;
  statementId: string;
  participationId: string;
  value: number;
  at: string;
}

/** Votes (one row per voter and statement, holding the latest client vote id) and superseded ids. The only place their SQL is written. */
export const votesRepo = {
  /** The vote whose current client id this is. */
  findById(db: Conn, clientVoteId: string) {
    return db
      .selectFrom('votes')
      .selectAll()
      .where('client_vote_id', '=', clientVoteId)
      .executeTakeFirst();
  },
  findSuperseded(db: Conn, clientVoteId: string) {
    return db
      .selectFrom('superseded_votes')
      .selectAll()
      .where('client_vote_id', '=', clientVoteId)
      .executeTakeFirst();
  },
  current(db: Conn, participationId: string, statementId: string) {
    return db
      .selectFrom('votes')
      .select(['client_vote_id', 'statement_id', 'value', 'updated_at'])
      .where('participation_id', '=', participationId)
      .where('statement_id', '=', statementId)
      .executeTakeFirst();
  },
  /**
   * The voter's first vote on the statement: one autocommitted INSERT, the whole hot path. It
   * fails with a unique violation when the client id was seen (primary key) or when the voter
   * already voted on the statement (a change: see `change`).
   */
  async insertNew(db: Conn, v: CastVote) {
    await db
      .insertInto('votes')
      .values({
        client_vote_id: v.clientVoteId,
        session_id: v.sessionId,
        statement_id: v.statementId,
        participation_id: v.participationId,
        value: v.value,
        created_at: v.at,
        updated_at: v.at,
      })
      .execute();
  },
  /** A later vote on the same statement wins: the earlier id is kept as superseded. Run in a transaction. */
  async change(trx: Conn, v: CastVote): Promise<boolean> {
    await trx
      .insertInto('superseded_votes')
      .columns(['client_vote_id', 'participation_id', 'statement_id', 'value', 'at'])
      .expression((eb) =>
        eb
          .selectFrom('votes')
          .select([
            'client_vote_id',
            'participation_id',
            'statement_id',
            'value',
            eb.val(v.at).as('at'),
          ])
          .where('participation_id', '=', v.participationId)
          .where('statement_id', '=', v.statementId),
      )
      .execute();
    const result = await trx
      .updateTable('votes')
      .set({ client_vote_id: v.clientVoteId, value: v.value, updated_at: v.at })
      .where('participation_id', '=', v.participationId)
      .where('statement_id', '=', v.statementId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
  mine(db: Conn, sessionId: string, participationId: string) {
    return db
      .selectFrom('votes')
      .select(['client_vote_id', 'statement_id', 'value', 'updated_at'])
      .where('session_id', '=', sessionId)
      .where('participation_id', '=', participationId)
      .orderBy('updated_at')
      .execute();
  },
  /**
   * Merging a duplicate into its target: votes on the duplicate move to the target, except where
   * the voter already voted on the target (that vote stands; the duplicate's id is kept as
   * superseded). Superseded ids follow, so a late retry of any of them is still recognised.
   */
  async moveOnMerge(trx: Conn, fromId: string, intoId: string, at: string) {
    const alreadyOnTarget = (eb: ExpressionBuilder<Database, 'votes'>) =>
      eb.exists(
        eb
          .selectFrom('votes as target')
          .select('target.participation_id')
          .whereRef('target.participation_id', '=', 'votes.participation_id')
          .where('target.statement_id', '=', intoId),
      );
    await trx
      .insertInto('superseded_votes')
      .columns(['client_vote_id', 'participation_id', 'statement_id', 'value', 'at'])
      .expression((eb) =>
        eb
          .selectFrom('votes')
          .select([
            'client_vote_id',
            'participation_id',
            eb.val(intoId).as('statement_id'),
            'value',
            eb.val(at).as('at'),
          ])
          .where('statement_id', '=', fromId)
          .where(alreadyOnTarget),
      )
      .execute();
    await trx
      .deleteFrom('votes')
      .where('statement_id', '=', fromId)
      .where(alreadyOnTarget)
      .execute();
    await trx
      .updateTable('votes')
      .set({ statement_id: intoId })
      .where('statement_id', '=', fromId)
      .execute();
    await trx
      .updateTable('superseded_votes')
      .set({ statement_id: intoId })
      .where('statement_id', '=', fromId)
      .execute();
  },
  /** Routing priority per statement id from the latest stored analysis (empty when none). */
  async routingPriorities(db: Conn, sessionId: string): Promise<Map<string, number>> {
    const row = await db
      .selectFrom('analysis_results')
      .select('result')
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    const priorities = new Map<string, number>();
    if (!row) return priorities;
    try {
      const result = JSON.parse(row.result) as {
        statements?: { ids?: string[] };
        routing?: number[];
      };
      const ids = result.statements?.ids ?? [];
      ids.forEach((id, j) => {
        const p = result.routing?.[j];
        if (typeof p === 'number' && Number.isFinite(p)) priorities.set(id, p);
      });
    } catch {
      // A malformed result only costs the routing: every statement falls back to weight 1.
    }
    return priorities;
  },
};
