import type { Kysely, Transaction } from 'kysely';
import type { Database, OrganisationsTable } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

export const organisationsRepo = {
  async insert(db: Conn, row: OrganisationsTable) {
    await db.insertInto('organisations').values(row).execute();
  },
  async update(
    db: Conn,
    id: string,
    patch: Partial<Omit<OrganisationsTable, 'id' | 'created_at'>>,
  ) {
    if (Object.keys(patch).length)
      await db.updateTable('organisations').set(patch).where('id', '=', id).execute();
  },
  find(db: Conn, id: string) {
    return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async list(db: Conn, page: { limit: number; offset: number }) {
    const [rows, count] = await Promise.all([
      db
        .selectFrom('organisations')
        .selectAll()
        .orderBy('name')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      db
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
};
