import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SQLITE_JOURNAL_SIZE_LIMIT, type Db } from '../../src/server/db/connect.ts';
import {
  leaveCheckpointsToBackground,
  startBackgroundCheckpoints,
} from '../../src/server/db/sqlite-checkpoints.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Frames now in the write-ahead log, asked of a third connection (its own checkpoint copies nothing new that matters here). */
async function framesInLog(url: string): Promise<number> {
  const probe = openDatabase(url);
  try {
    const { rows } = await sql<{ log: number }>`pragma wal_checkpoint(PASSIVE)`.execute(
      probe.kysely,
    );
    return rows[0].log;
  } finally {
    await probe.close();
  }
}

/** The server's connection writes 300 small transactions, waits, then one more. */
async function writeLikeAServer(server: Db) {
  await sql`create table scratch (id integer primary key, body text)`.execute(server.kysely);
  for (let i = 0; i < 300; i++)
    await sql`insert into scratch (body) values (${'x'.repeat(3000)})`.execute(server.kysely);
  await sleep(200);
  await sql`insert into scratch (body) values ('last')`.execute(server.kysely);
}

describe('SQLite checkpoints in the background', () => {
  let database: TestDatabase;
  const opened: Db[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
    await database.drop();
  });

  it('keep the log short without the server connection checkpointing itself', async () => {
    database = await createTestDatabase('sqlite');
    await leaveCheckpointsToBackground(database.db);
    const worker = openDatabase(database.url);
    opened.push(worker);
    const stop = startBackgroundCheckpoints(
      worker,
      (message, error) => console.error(message, error),
      20,
    );
    await writeLikeAServer(database.db);
    stop();
    // Everything was copied back while the server wrote, so its last write started the log afresh.
    expect(await framesInLog(database.url)).toBeLessThan(20);
  });

  it('(without them the server connection, which now leaves checkpoints alone, lets the log grow)', async () => {
    database = await createTestDatabase('sqlite');
    await leaveCheckpointsToBackground(database.db);
    await writeLikeAServer(database.db);
    expect(await framesInLog(database.url)).toBeGreaterThan(300);
  });

  it('opens SQLite with synchronous=FULL (NORMAL when asked) and a bounded log', async () => {
    database = await createTestDatabase('sqlite');
    const pragma = async (db: Db, name: string) =>
      Object.values(
        (await sql.raw<Record<string, number>>(`pragma ${name}`).execute(db.kysely)).rows[0],
      )[0];
    expect(await pragma(database.db, 'synchronous')).toBe(2);
    expect(await pragma(database.db, 'journal_size_limit')).toBe(SQLITE_JOURNAL_SIZE_LIMIT);
    const normal = openDatabase(database.url, { synchronous: 'NORMAL' });
    opened.push(normal);
    expect(await pragma(normal, 'synchronous')).toBe(1);
  });
});
