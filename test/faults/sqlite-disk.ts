import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import type { Drill } from './drill.ts';

/** Helpers of the SQLite drills: a small file system to fill up, and a database in a folder. */

/** A small tmpfs to fill up needs root (CI runs as root); elsewhere the disk-full drills are skipped. */
export function canMountTmpfs(): boolean {
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

/**
 * A small ext4 file system on a loop device, mounted at a new folder; returns the folder and its
 * unmount. Unlike tmpfs its syncs reach a disk, so a checkpoint costs what it costs in production
 * (on tmpfs the log is copied back so fast that it never falls behind). Null where loop devices
 * cannot be used.
 */
export function mountSmallDisk(megabytes: number): { dir: string; unmount: () => void } | null {
  const root = mkdtempSync(join(tmpdir(), 'parley-disk-'));
  const image = join(root, 'disk.img');
  const dir = join(root, 'mnt');
  try {
    execFileSync('truncate', ['-s', `${megabytes}M`, image]);
    execFileSync('mkfs.ext4', ['-q', '-F', '-m', '0', image], { stdio: 'ignore' });
    mkdirSync(dir);
    execFileSync('mount', ['-o', 'loop', image, dir], { stdio: 'ignore' });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    if (process.env.CI) throw new Error(`CI must be able to mount a loop device: ${String(error)}`);
    return null;
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', [dir]);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A migrated database file in `dir`, closed by the cleanups. */
export async function databaseIn(
  dir: string,
  cleanups: (() => Promise<void> | void)[],
): Promise<{ url: string; file: string; db: Db }> {
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

/**
 * Fills the file system of `dir` while the drill votes, waits until every server refuses votes
 * with 503, then frees space with `free(filler)`; returns when the fault began and ended.
 */
export async function fillDiskUntilRefused(
  drill: Drill,
  dir: string,
  free: (filler: string) => void,
): Promise<{ faultAt: number; backAt: number }> {
  const faultAt = performance.now();
  const filler = join(dir, 'filler');
  fillUp(filler);
  try {
    await drill.refused(faultAt, 20);
  } finally {
    free(filler);
  }
  return { faultAt, backAt: performance.now() };
}
