import type { Kysely, Transaction } from 'kysely';
import type { Database, SessionsTable } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/**
 * Sessions of a dialogue round (table `sessions`); not the sign-in sessions, which live in
 * sessions.repository.ts as `authSessions`. The only place their SQL is written.
 */
export const dialogueSessionsRepo = {
  async insert(db: Conn, row: SessionsTable) {
    await db.insertInto('sessions').values(row).execute();
  },
  async update(db: Conn, id: string, patch: Partial<Omit<SessionsTable, 'id' | 'round_id'>>) {
    if (Object.keys(patch).length)
      await db.updateTable('sessions').set(patch).where('id', '=', id).execute();
  },
  async delete(db: Conn, id: string) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },
  find(db: Conn, id: string) {
    return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** The session with the series of its round, for policies that decide on series roles. */
  findWithSeries(db: Conn, id: string) {
    return db
      .selectFrom('sessions')
      .innerJoin('rounds', 'rounds.id', 'sessions.round_id')
      .selectAll('sessions')
      .select([
        'rounds.series_id',
        'rounds.starts_on as round_starts_on',
        'rounds.ends_on as round_ends_on',
        'rounds.time_zone',
      ])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
  },
  async listByRound(db: Conn, roundId: string, page: { limit: number; offset: number }) {
    const [rows, count] = await Promise.all([
      db
        .selectFrom('sessions')
        .selectAll()
        .where('round_id', '=', roundId)
        .orderBy('position')
        .orderBy('starts_at')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('round_id', '=', roundId)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
  /** Every scheduled instant of a round's sessions, to keep them inside the round's dates. */
  schedules(db: Conn, roundId: string) {
    return db
      .selectFrom('sessions')
      .select(['id', 'starts_at', 'ends_at'])
      .where('round_id', '=', roundId)
      .execute();
  },
};
