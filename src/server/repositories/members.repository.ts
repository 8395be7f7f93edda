import type { Kysely, Transaction } from 'kysely';
import type { Database, SeriesMembersTable } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** Series roles held by accounts (organiser, focal point of a delegation, sponsor). */
export const membersRepo = {
  async insert(db: Conn, row: SeriesMembersTable) {
    await db.insertInto('series_members').values(row).execute();
  },
  find(db: Conn, id: string) {
    return db.selectFrom('series_members').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** The same grant, if the user already holds it. */
  findGrant(
    db: Conn,
    grant: { seriesId: string; userId: string; role: string; delegationId: string | null },
  ) {
    let q = db
      .selectFrom('series_members')
      .selectAll()
      .where('series_id', '=', grant.seriesId)
      .where('user_id', '=', grant.userId)
      .where('role', '=', grant.role);
    q =
      grant.delegationId === null
        ? q.where('delegation_id', 'is', null)
        : q.where('delegation_id', '=', grant.delegationId);
    return q.executeTakeFirst();
  },
  async delete(db: Conn, id: string) {
    await db.deleteFrom('series_members').where('id', '=', id).execute();
  },
  async listForSeries(db: Conn, seriesId: string, page: { limit: number; offset: number }) {
    const [rows, count] = await Promise.all([
      db
        .selectFrom('series_members')
        .innerJoin('users', 'users.id', 'series_members.user_id')
        .select([
          'series_members.id',
          'series_members.series_id',
          'series_members.user_id',
          'series_members.role',
          'series_members.delegation_id',
          'series_members.created_at',
          'users.email',
          'users.display_name',
        ])
        .where('series_members.series_id', '=', seriesId)
        .orderBy('series_members.role')
        .orderBy('users.email')
        .orderBy('series_members.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      db
        .selectFrom('series_members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('series_id', '=', seriesId)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
};
