import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type PostgresPool,
  type PostgresPoolClient,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import { isDatabaseUnavailable } from './errors.ts';
import { GrantsWatcher } from './grants-watcher.ts';
import { DatabaseOutage } from './outage.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for logs: a file path or the PostgreSQL URL without its password. */
  location: string;
  /** Counts writes to the tables that grant rights; a change means cached actors are stale. */
  grants: GrantsWatcher;
  /** Incidents of the database being unavailable: tells them from bugs, logs each once. */
  outage: DatabaseOutage;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_FILE = './data/parley.sqlite';

// pg returns int8 (counts, sums) as strings to avoid precision loss; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface OpenOptions {
  poolSize?: number;
  /**
   * SQLite's durability: FULL (the default) syncs the log at every commit, so a 2xx vote survives
   * a power cut too; NORMAL only at checkpoints (it survives a crash of the process, not of the
   * machine). Group commit (votes.batch.ts) makes FULL cost one sync per batch, not per vote.
   */
  synchronous?: SqliteSynchronous;
}

/**
 * The write-ahead log is cut back to this size whenever it starts afresh (after a checkpoint
 * copied it all); the background checkpoints (sqlite-checkpoints.ts) bound it as it grows.
 */
export const SQLITE_JOURNAL_SIZE_LIMIT = 4 * 1024 * 1024;

/** Opens the database named by a URL: postgres://… or sqlite:path (or a bare path). */
export function openDatabase(url: string | undefined, options: OpenOptions = {}): Db {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 20 });
    const outage = new DatabaseOutage();
    // A connection PostgreSQL drops (restart, pg_terminate_backend, DROP DATABASE ... FORCE in
    // tests) must not end the process. The pool listens only to its idle clients; a client in use
    // would emit an unhandled 'error', so every client gets its own listener. The query it was
    // running fails (answered 503), the pool discards the client, the next query opens a new one.
    const dropped = (error: Error) => {
      if (!outage.report(error, 'PostgreSQL dropped a connection'))
        process.emitWarning(`PostgreSQL dropped a connection: ${error.message}`);
    };
    pool.on('connect', (client) => client.on('error', dropped));
    // The pool passes on the errors of its idle clients, which their own listener has reported.
    pool.on('error', () => undefined);
    const grants = new GrantsWatcher();
    const kysely = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: discardingLostConnections(pool) }),
      plugins: [grants, outage],
    });
    return {
      kysely,
      dialect: 'postgres',
      location: url.replace(/:[^:@/]*@/, ':***@'),
      grants,
      outage,
      close: () => kysely.destroy(),
    };
  }
  const file = url ? url.replace(/^sqlite:(\/\/)?/, '') : DEFAULT_SQLITE_FILE;
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  sqlite.pragma(`journal_size_limit = ${SQLITE_JOURNAL_SIZE_LIMIT}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const grants = new GrantsWatcher();
  // data_version moves when another connection (another process: the CLI, a second server) commits.
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  grants.attachRemote({ version: () => dataVersion.get() as number, reliable: () => true });
  // Reads go on while the disk is full or another process holds the lock: a write ends an incident.
  const totalChanges = sqlite.prepare('select total_changes()').pluck();
  const outage = new DatabaseOutage(undefined, () =>
    sqlite.open ? (totalChanges.get() as number) : 0,
  );
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [grants, outage],
  });
  return {
    kysely,
    dialect: 'sqlite',
    location: path,
    grants,
    outage,
    close: () => kysely.destroy(),
  };
}

/**
 * The pool as Kysely borrows from it. When PostgreSQL ends a connection under a query, the query
 * fails before the socket closes; returned as it is, the client would be lent again and fail the
 * next query too. Returned with the error, the pool destroys it and opens a fresh one.
 */
function discardingLostConnections(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      let lost: Error | undefined;
      // Kysely calls query(sql, parameters); a cursor (streaming) it would pass is never used here.
      const borrowed = {
        query: (text: string, values: unknown[]) =>
          client.query(text, values).catch((error: Error) => {
            if (isDatabaseUnavailable(error)) lost = error;
            throw error;
          }),
        release: () => client.release(lost),
      };
      return borrowed as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
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
