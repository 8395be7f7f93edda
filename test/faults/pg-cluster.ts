import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';

/**
 * A private PostgreSQL cluster that a fault test may stop, start and restart without touching
 * the one every other test shares (DATABASE_URL). Started as .ci/postgres.sh does: PostgreSQL
 * refuses to run as root, so as root the cluster belongs to the postgres user.
 */
const run = promisify(execFile);
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

/** True when the binaries are here; without them the tests are skipped, except where CI requires PostgreSQL. */
export function havePostgresBinaries(): boolean {
  const found = existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
  if (!found && process.env.PARLEY_REQUIRE_POSTGRES)
    throw new Error(`PARLEY_REQUIRE_POSTGRES is set but there is no PostgreSQL in ${PG_BIN}`);
  return found;
}

function pgTool(tool: string, args: string[]) {
  const command = join(PG_BIN, tool);
  return asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface PgCluster {
  port: number;
  /** The URL of a database of this cluster. */
  url(database?: string): string;
  /** Creates and migrates a database; returns its URL and an open connection to seed it. */
  createDatabase(name: string): Promise<{ url: string; db: Db }>;
  /** Runs SQL as the superuser on the postgres database. */
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** pg_ctl stop -m fast: every connection is ended, new ones are refused. */
  stop(): Promise<void>;
  /** pg_ctl start, waiting until it accepts connections. */
  start(): Promise<void>;
  /** pg_ctl restart -m fast. */
  restart(): Promise<void>;
  /** Stops the cluster for good and removes its files. */
  destroy(): Promise<void>;
}

export async function startPgCluster(): Promise<PgCluster> {
  const dir = mkdtempSync('/tmp/parley-faults-pg-');
  if (asRoot) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), 0);
  const data = join(dir, 'data');
  await pgTool('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '-E', 'UTF8']);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=100`;
  const ctl = (...args: string[]) =>
    pgTool('pg_ctl', ['-D', data, '-l', join(dir, 'log'), ...args]);
  const start = async () => void (await ctl('-w', '-o', options, 'start'));
  await start();
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const query = async (text: string, values?: unknown[]) => {
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      return await client.query(text, values);
    } finally {
      await client.end();
    }
  };
  return {
    port,
    url,
    query,
    async createDatabase(name) {
      await query(`CREATE DATABASE ${name}`);
      const db = openDatabase(url(name), { poolSize: 4 });
      await migrateToLatest(db.kysely);
      return { url: url(name), db };
    },
    stop: async () => void (await ctl('-w', '-m', 'fast', 'stop')),
    start,
    restart: async () => void (await ctl('-w', '-m', 'fast', '-o', options, 'restart')),
    async destroy() {
      await ctl('-m', 'immediate', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
