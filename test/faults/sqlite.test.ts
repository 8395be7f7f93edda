import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, it } from 'vitest';
import { openDatabase, type Db } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { expectRecovered, startDrill } from './drill.ts';

/**
 * SQLite's environment failing under continuous voting: the disk full (SQLITE_FULL, on a small
 * tmpfs filled up), the write lock held by another process past busy_timeout (SQLITE_BUSY). The
 * server answers 503 with Retry-After meanwhile, logs the incident once, and takes votes again
 * once space is freed or the lock released.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A small tmpfs to fill up needs root (CI runs as root); elsewhere the disk-full drill is skipped. */
function canMountTmpfs(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'parley-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir]);
    return true;
  } catch (error) {
    if (process.env.CI) throw new Error(`CI must be able to mount a tmpfs: ${String(error)}`);
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function databaseIn(dir: string): Promise<{ url: string; file: string; db: Db }> {
  const file = join(dir, 'parley.sqlite');
  const db = openDatabase(`sqlite:${file}`);
  await migrateToLatest(db.kysely);
  cleanups.push(() => db.close());
  return { url: `sqlite:${file}`, file, db };
}

/** Writes until the file system has not one byte left. */
function fillUp(file: string) {
  const fd = openSync(file, 'w');
  try {
    for (const size of [1 << 20, 4096, 1]) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
}

describe('[sqlite] faults of the database under voting', () => {
  it.skipIf(!canMountTmpfs())(
    'answers 503 while the disk is full, and recovers once space is freed',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'parley-faults-full-'));
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', dir]);
      cleanups.push(() => {
        execFileSync('umount', [dir]);
        rmSync(dir, { recursive: true, force: true });
      });
      const { url, db } = await databaseIn(dir);
      const drill = await startDrill(db, url, { servers: 1 });
      cleanups.push(() => drill.close());
      await drill.acknowledged(150);
      const faultAt = performance.now();
      const filler = join(dir, 'filler');
      fillUp(filler);
      try {
        await drill.refused(faultAt, 20);
      } finally {
        unlinkSync(filler);
      }
      const recovery = await expectRecovered(drill, db, faultAt, performance.now());
      console.log(`disk full: ${JSON.stringify(recovery)}`);
    },
    120_000,
  );

  it('answers 503 while another process holds the write lock past busy_timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-faults-busy-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const { url, file, db } = await databaseIn(dir);
    const drill = await startDrill(db, url, { servers: 1 });
    cleanups.push(() => drill.close());
    await drill.acknowledged(150);
    const holder = new SqliteDatabase(file);
    cleanups.push(() => void holder.close());
    const faultAt = performance.now();
    holder.exec('BEGIN IMMEDIATE');
    try {
      await drill.refused(faultAt, 20);
    } finally {
      holder.exec('COMMIT');
    }
    const recovery = await expectRecovered(drill, db, faultAt, performance.now());
    console.log(`lock held: ${JSON.stringify(recovery)}`);
  }, 120_000);
});
