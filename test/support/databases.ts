import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Db, type Dialect } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';

/**
 * The databases every database test runs on: SQLite always, PostgreSQL when DATABASE_URL
 * points to a server (CI starts one). Narrow a local run with PARLEY_TEST_DIALECTS=sqlite.
 */
export function testDialects(): Dialect[] {
  const only = process.env.PARLEY_TEST_DIALECTS?.split(',');
  const hasPg = Boolean(process.env.DATABASE_URL?.startsWith('postgres'));
  if (process.env.PARLEY_REQUIRE_POSTGRES && !hasPg)
    throw new Error('PARLEY_REQUIRE_POSTGRES is set but DATABASE_URL is not a PostgreSQL URL');
  const all: Dialect[] = hasPg ? ['sqlite', 'postgres'] : ['sqlite'];
  return only ? all.filter((d) => only.includes(d)) : all;
}

export interface TestDatabase {
  db: Db;
  /** The URL that opens this same database (for a second process, a CLI run, ...). */
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database of the given dialect, private to the caller. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'parley-test-'));
    const url = `sqlite:${join(dir, 'test.sqlite')}`;
    const db = openDatabase(url);
    await migrateToLatest(db.kysely);
    return {
      db,
      url,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.DATABASE_URL!;
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openDatabase(url.toString(), { poolSize: 5 });
  await migrateToLatest(db.kysely);
  // CI counts these lines to prove the PostgreSQL tests ran rather than being skipped.
  if (process.env.PARLEY_PG_MARKER) appendFileSync(process.env.PARLEY_PG_MARKER, `${name}\n`);
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
