import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** What exports read. Authors are selected only where they are named (on the record). */
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
  /**
   * The statements a Polis export carries (those the analysis sees: approved, and moderated out),
   * in agenda order. The author is read only when `named` (on the record, where it is shown).
   */
  async polisStatements(db: Conn, sessionId: string, named: boolean) {
    const rows = await db
      .selectFrom('statements')
      .select(['id', 'text', 'status'])
      .$if(named, (q) => q.select('author_participation_id'))
      .where('session_id', '=', sessionId)
      .where('status', 'in', ['approved', 'rejected', 'merged'])
      .orderBy('position')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      text: r.text,
      status: r.status,
      author: named ? (r.author_participation_id ?? null) : null,
    }));
  },
  /** What summary.csv says of a session's series and round, and the series' k-anonymity. */
  async polisContext(db: Conn, seriesId: string, roundId: string) {
    const [series, round] = await Promise.all([
      db
        .selectFrom('series')
        .select(['title', 'k_anonymity'])
        .where('id', '=', seriesId)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('rounds')
        .select(['number', 'city', 'umbrella_theme'])
        .where('id', '=', roundId)
        .executeTakeFirstOrThrow(),
    ]);
    return { seriesTitle: series.title, round, kAnonymity: series.k_anonymity };
  },
  votes(db: Conn, sessionId: string) {
    return db
      .selectFrom('votes')
      .select(['participation_id', 'statement_id', 'value'])
      .where('session_id', '=', sessionId)
      .execute();
  },
};
