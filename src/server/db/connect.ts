import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDialectConfig } from 'kysely';
import pg from 'pg';
import { GrantsWatcher } from './grants-watcher.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for logs: a file path or the PostgreSQL URL without its password. */
  location: string;
  /** Counts writes to the tables that grant rights; a change means cached actors are stale. */
  grants: GrantsWatcher;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_FILE = './data/parley.sqlite';

// pg returns int8 (counts, sums) as strings to avoid precision loss; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Opens the database named by a URL: postgres://… or sqlite:path (or a bare path). */
export function openDatabase(url: string | undefined, options: { poolSize?: number } = {}): Db {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 20 });
    // An idle connection the server drops (restart, DROP DATABASE ... FORCE in tests) must not crash
    // the process: the pool discards it and the next query opens a fresh one.
    pool.on('error', (error) =>
      process.emitWarning(`PostgreSQL dropped an idle connection: ${error.message}`),
    );
    const grants = new GrantsWatcher();
    const kysely = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      plugins: [grants],
    });
    return {
      kysely,
      dialect: 'postgres',
      location: url.replace(/:[^:@/]*@/, ':***@'),
      grants,
      close: () => kysely.destroy(),
    };
  }
  const file = url ? url.replace(/^sqlite:(\/\/)?/, '') : DEFAULT_SQLITE_FILE;
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const grants = new GrantsWatcher();
  // data_version moves when another connection (another process: the CLI, a second server) commits.
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  grants.attachRemote({ version: () => dataVersion.get() as number, reliable: () => true });
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [grants],
  });
  return { kysely, dialect: 'sqlite', location: path, grants, close: () => kysely.destroy() };
}

const STATEMENTS_KEPT = 1000;

/**
 * Kysely prepares every query afresh; on a vote that is a measurable share of the work. Keep the
 * most recently used prepared statements by SQL text (least recently used dropped first).
 * Safe because better-sqlite3 is synchronous and Parley never streams (iterate) a statement.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDialectConfig['database'] {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(query: string) {
      let statement = cache.get(query);
      if (statement) cache.delete(query);
      else statement = sqlite.prepare(query);
      cache.set(query, statement);
      if (cache.size > STATEMENTS_KEPT) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  } as SqliteDialectConfig['database'];
}
