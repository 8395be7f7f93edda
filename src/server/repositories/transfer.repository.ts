import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

export type Conn = Kysely<Database> | Transaction<Database>;
/** A row as the database holds it: column → value. */
export type DbRow = Record<string, unknown>;
// Table and column names come from the series document's table list (transfer/tables.ts), so
// the generic reads and writes below are typed loosely.
type AnyDb = Kysely<any> | Transaction<any>;
type Table = keyof Database;

/** The queries of `parley export` and `parley import` (transfer/); the per-table scopes of a series are in transfer-scopes.repository.ts. */
export const transferRepo = {
  /** The series with this id or slug, or those that hold either (an import's clashes). */
  seriesByIdOrSlug(db: Conn, id: string, slug = id) {
    return db
      .selectFrom('series')
      .select(['id', 'slug', 'title'])
      .where((eb) => eb.or([eb('id', '=', id), eb('slug', '=', slug)]))
      .execute();
  },

  /** The accounts with these ids or linked to these people. */
  accountsOf(db: Conn, userIds: string[], personIds: string[]) {
    if (!userIds.length && !personIds.length) return Promise.resolve([]);
    return db
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'person_id'])
      .where((eb) =>
        eb.or([
          ...(userIds.length ? [eb('id', 'in', userIds)] : []),
          ...(personIds.length ? [eb('person_id', 'in', personIds)] : []),
        ]),
      )
      .execute();
  },

  /** Which of these values the column already holds, looked up 500 at a time. */
  async existingValues(db: Conn, table: Table, column: string, values: string[]) {
    const found = new Set<string>();
    for (let start = 0; start < values.length; start += 500) {
      const rows = await (db as AnyDb)
        .selectFrom(table)
        .select(column)
        .where(column, 'in', values.slice(start, start + 500))
        .execute();
      for (const row of rows) found.add(row[column] as string);
    }
    return found;
  },

  async insertRows(db: Conn, table: Table, rows: DbRow[]) {
    await (db as AnyDb).insertInto(table).values(rows).execute();
  },

  async setColumn(db: Conn, table: Table, key: [string, unknown], column: string, value: unknown) {
    await (db as AnyDb)
      .updateTable(table)
      .set({ [column]: value })
      .where(key[0], '=', key[1])
      .execute();
  },
};
