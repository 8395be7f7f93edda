import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, it } from 'vitest';
import { expectRecovered, startDrill } from './drill.ts';
import { canMountTmpfs, databaseIn, fillDiskUntilRefused } from './sqlite-disk.ts';

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
      const { url, db } = await databaseIn(dir, cleanups);
      const drill = await startDrill(db, url, { servers: 1 });
      cleanups.push(() => drill.close());
      await drill.acknowledged(150);
      const { faultAt, backAt } = await fillDiskUntilRefused(drill, dir, unlinkSync);
      const recovery = await expectRecovered(drill, db, faultAt, backAt);
      console.log(`disk full: ${JSON.stringify(recovery)}`);
    },
    120_000,
  );

  it('answers 503 while another process holds the write lock past busy_timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-faults-busy-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const { url, file, db } = await databaseIn(dir, cleanups);
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
