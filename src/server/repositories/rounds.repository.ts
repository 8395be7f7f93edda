import type { Kysely, Transaction } from 'kysely';
import type { Database, RoundsTable } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** Rounds of a series. The only place their SQL is written. */
export const roundsRepo = {
  async insert(db: Conn, row: RoundsTable) {
    await db.insertInto('rounds').values(row).execute();
  },
  async update(db: Conn, id: string, patch: Partial<Omit<RoundsTable, 'id' | 'series_id'>>) {
    if (Object.keys(patch).length)
      await db.updateTable('rounds').set(patch).where('id', '=', id).execute();
  },
  async delete(db: Conn, id: string) {
    await db.deleteFrom('rounds').where('id', '=', id).execute();
  },
  find(db: Conn, id: string) {
    return db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** The series a round belongs to, for policies that decide on series roles. */
  async seriesIdOf(db: Conn, roundId: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('rounds')
      .select('series_id')
      .where('id', '=', roundId)
      .executeTakeFirst();
    return row?.series_id;
  },
  async listBySeries(db: Conn, seriesId: string, page: { limit: number; offset: number }) {
    const [rows, count] = await Promise.all([
      db
        .selectFrom('rounds')
        .selectAll()
        .where('series_id', '=', seriesId)
        .orderBy('number')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      db
        .selectFrom('rounds')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('series_id', '=', seriesId)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
};
