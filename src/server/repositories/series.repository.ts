import type { Kysely, Transaction } from 'kysely';
import type { Database, DelegationsTable, SeriesTable } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** Series, their delegations and their organisations. The only place their SQL is written. */
export const seriesRepo = {
  async insert(db: Conn, row: SeriesTable) {
    await db.insertInto('series').values(row).execute();
  },
  async update(db: Conn, id: string, patch: Partial<Omit<SeriesTable, 'id' | 'created_at'>>) {
    if (Object.keys(patch).length)
      await db.updateTable('series').set(patch).where('id', '=', id).execute();
  },
  async delete(db: Conn, id: string) {
    await db.deleteFrom('series').where('id', '=', id).execute();
  },
  find(db: Conn, id: string) {
    return db.selectFrom('series').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findBySlug(db: Conn, slug: string) {
    return db.selectFrom('series').selectAll().where('slug', '=', slug).executeTakeFirst();
  },
  async list(db: Conn, page: { limit: number; offset: number }) {
    const [rows, count] = await Promise.all([
      db
        .selectFrom('series')
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      db
        .selectFrom('series')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  delegations(db: Conn, seriesIds: string[]) {
    if (!seriesIds.length) return Promise.resolve([] as DelegationsTable[]);
    return db
      .selectFrom('delegations')
      .selectAll()
      .where('series_id', 'in', seriesIds)
      .orderBy('position')
      .orderBy('name')
      .execute();
  },
  async insertDelegation(db: Conn, row: DelegationsTable) {
    await db.insertInto('delegations').values(row).execute();
  },
  async updateDelegation(
    db: Conn,
    id: string,
    patch: Partial<Pick<DelegationsTable, 'name' | 'position'>>,
  ) {
    if (Object.keys(patch).length)
      await db.updateTable('delegations').set(patch).where('id', '=', id).execute();
  },
  async deleteDelegation(db: Conn, id: string) {
    await db.deleteFrom('delegations').where('id', '=', id).execute();
  },
  findDelegation(db: Conn, id: string) {
    return db.selectFrom('delegations').selectAll().where('id', '=', id).executeTakeFirst();
  },

  organisations(db: Conn, seriesIds: string[]) {
    if (!seriesIds.length) return Promise.resolve([]);
    return db
      .selectFrom('series_organisations')
      .innerJoin('organisations', 'organisations.id', 'series_organisations.organisation_id')
      .select([
        'series_organisations.series_id',
        'series_organisations.organisation_id',
        'series_organisations.part',
        'series_organisations.position',
        'organisations.name',
        'organisations.short_name',
      ])
      .where('series_organisations.series_id', 'in', seriesIds)
      .orderBy('series_organisations.position')
      .orderBy('organisations.name')
      .execute();
  },
  async linkOrganisation(db: Conn, row: Database['series_organisations']) {
    await db.insertInto('series_organisations').values(row).execute();
  },
  async unlinkOrganisation(db: Conn, seriesId: string, organisationId: string) {
    await db
      .deleteFrom('series_organisations')
      .where('series_id', '=', seriesId)
      .where('organisation_id', '=', organisationId)
      .execute();
  },
};
