import { loadConfig } from '../server/config.ts';
import { openDatabase, type Db } from '../server/db/connect.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { CliIO } from './verb.ts';
import { UsageError } from './verb.ts';

/**
 * Opens the database the environment names (DATABASE_URL, as `parley serve` does), brings
 * its schema up to date, runs `work` and closes it again, whatever happens.
 */
export async function withDatabase<T>(
  io: CliIO,
  work: (db: Db, applied: string[]) => Promise<T>,
): Promise<T> {
  let config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    throw new UsageError((error as Error).message, 1);
  }
  const db = openDatabase(config.databaseUrl, { synchronous: config.sqliteSynchronous });
  try {
    const applied = await migrateToLatest(db.kysely);
    return await work(db, applied);
  } finally {
    await db.close();
  }
}
