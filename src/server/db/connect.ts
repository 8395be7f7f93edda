import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for logs: a file path or the PostgreSQL URL without its password. */
  location: string;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_FILE = './data/parley.sqlite';

// pg returns int8 (counts, sums) as strings to avoid precision loss; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Opens the database named by a URL: postgres://… or sqlite:path (or a bare path). */
export function openDatabase(url: string | undefined, options: { poolSize?: number } = {}): Db {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle connection the server drops (restart, DROP DATABASE ... FORCE in tests) must not crash
    // the process: the pool discards it and the next query opens a fresh one.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL dropped an idle connection: ${error.message}`));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', location: url.replace(/:[^:@/]*@/, ':***@'), close: () => kysely.destroy() };
  }
  const file = url ? url.replace(/^sqlite:(\/\/)?/, '') : DEFAULT_SQLITE_FILE;
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kysely, dialect: 'sqlite', location: path, close: () => kysely.destroy() };
}
