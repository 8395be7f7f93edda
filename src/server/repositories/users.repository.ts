import type { Kysely, Transaction } from 'kysely';
import type { Database, UsersTable } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

export const usersRepo = {
  async insert(db: Conn, row: UsersTable) {
    await db.insertInto('users').values(row).execute();
  },
  async update(db: Conn, id: string, patch: Partial<Omit<UsersTable, 'id' | 'created_at'>>) {
    if (Object.keys(patch).length)
      await db.updateTable('users').set(patch).where('id', '=', id).execute();
  },
  find(db: Conn, id: string) {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByEmail(db: Conn, email: string) {
    return db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
  },
  async countAdmins(db: Conn): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_admin', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  async list(db: Conn, page: { limit: number; offset: number }) {
    const [rows, count] = await Promise.all([
      db
        .selectFrom('users')
        .selectAll()
        .orderBy('email')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
};
