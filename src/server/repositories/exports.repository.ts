import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** What exports read. Author columns are never selected. */
export const exportsRepo = {
  sessions(db: Conn, roundId: string) {
    return db
      .selectFrom('sessions')
      .selectAll()
      .where('round_id', '=', roundId)
      .orderBy('position')
      .orderBy('id')
      .execute();
  },
  /** Approved statements of the round's sessions, without their (sealed) authors. */
  approvedStatements(db: Conn, sessionIds: string[]) {
    if (!sessionIds.length) return Promise.resolve([]);
    return db
      .selectFrom('statements')
      .select([
        'id',
        'session_id',
        'kind',
        'text',
        'translation',
        'language',
        'position',
        'created_at',
      ])
      .where('session_id', 'in', sessionIds)
      .where('status', '=', 'approved')
      .orderBy('session_id')
      .orderBy('position')
      .orderBy('id')
      .execute();
  },
  /** The statements a Polis export carries (those the analysis sees: approved, and moderated out), in agenda order. */
  polisStatements(db: Conn, sessionId: string) {
    return db
      .selectFrom('statements')
      .select(['id', 'text', 'status'])
      .where('session_id', '=', sessionId)
      .where('status', 'in', ['approved', 'rejected', 'merged'])
      .orderBy('position')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },
  votes(db: Conn, sessionId: string) {
    return db
      .selectFrom('votes')
      .select(['participation_id', 'statement_id', 'value'])
      .where('session_id', '=', sessionId)
      .execute();
  },
};
