import { existsSync, mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectRecovered, startDrill } from './drill.ts';
import { databaseIn, fillDiskUntilRefused, mountSmallDisk } from './sqlite-disk.ts';
import { countStatuses, waitUntil } from './voting.ts';

/**
 * SQLite stays small and honest under continuous voting: the write-ahead log is bounded (a
 * checkpoint that resets it once it passes a bound, and truncates it when the server is idle),
 * so a disk that filled up and got a few megabytes back keeps them: the log does not grow into
 * the freed space and the votes go on without a restart.
 */
const MB = 1024 * 1024;
/** The documented bound (sqlite-checkpoints.ts): a reset past 4 MB, checked every second, plus a second's worth of votes. */
const WAL_BOUND_BYTES = 12 * MB;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const walSize = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

/** Samples the log's size every 20 ms until stopped; returns the largest seen. */
function watchWal(file: string): () => number {
  let largest = 0;
  const timer = setInterval(() => (largest = Math.max(largest, walSize(file))), 20);
  return () => {
    clearInterval(timer);
    return Math.max(largest, walSize(file));
  };
}

describe('[sqlite] the write-ahead log under voting', () => {
  it('stays under its bound while votes pour in, and is truncated once the server is idle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-faults-wal-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const { url, file, db } = await databaseIn(dir, cleanups);
    const drill = await startDrill(db, url, { servers: 1, voters: 160, paceMs: 600 });
    cleanups.push(() => drill.close());
    const largest = watchWal(file);
    await drill.acknowledged(4000);
    await drill.load.stop();
    const seen = largest();
    console.log(`largest WAL under voting: ${(seen / MB).toFixed(1)} MB`);
    expect(seen).toBeLessThan(WAL_BOUND_BYTES);
    await waitUntil('the idle server truncates the log', () => walSize(file) === 0, 30_000);
  }, 120_000);

  it('keeps the space freed after the disk filled up: votes go on without a restart', async (context) => {
    const disk = mountSmallDisk(96);
    if (!disk) return context.skip();
    cleanups.push(disk.unmount);
    const dir = disk.dir;
    const { url, db } = await databaseIn(dir, cleanups);
    const drill = await startDrill(db, url, { servers: 1, voters: 160, paceMs: 600 });
    cleanups.push(() => drill.close());
    await drill.acknowledged(300);
    // What an operator frees in a hurry: a few megabytes, not the whole disk.
    const { faultAt, backAt } = await fillDiskUntilRefused(drill, dir, (filler) =>
      truncateSync(filler, statSync(filler).size - 16 * MB),
    );
    const ackedBefore = drill.load.acked.length;
    // Long enough for a log that is never reset to grow into the freed space.
    await drill.acknowledged(ackedBefore + 4000);
    const recovery = await expectRecovered(drill, db, faultAt, backAt);
    // Once votes are taken again they stay taken: the second half of them saw no refusal.
    const after = drill.load.answersSince(backAt);
    expect(countStatuses(after.slice(after.length / 2))).toEqual({
      201: after.length - Math.floor(after.length / 2),
    });
    console.log(`disk freed in part: ${JSON.stringify(recovery)}`);
  }, 180_000);
});
