import { statSync } from 'node:fs';
import { sql } from 'kysely';
import type { Db } from './connect.ts';

/**
 * SQLite in WAL mode copies the log back into the database file ("checkpoint") every 1,000
 * pages, inside whichever commit crosses the line, and a checkpoint syncs the files to disk: one
 * vote in a few dozen then waits 10-20 ms on the server's only thread. The live hub's worker
 * thread checkpoints in the background instead (PASSIVE: it never blocks the server's writes;
 * TRUNCATE past a bound or when the server is idle, so the log stays small and gives back its
 * space), and the server's own connection keeps a far threshold only as a safety net.
 */
const SERVER_THRESHOLD_PAGES = 20_000;
/** Seldom enough that a page written by many votes is copied once, often enough to keep the log short. */
const INTERVAL_MS = 1000;
/**
 * Past this many pages (4 MB of 4 KB pages) the log is reset: under steady writes a PASSIVE
 * checkpoint never catches up with the writer, so the log would never start afresh and would grow
 * without end (31 MB after 40 s of votes), into whatever space a full disk got back. TRUNCATE waits
 * for the writer briefly, copies what the PASSIVE one left, and cuts the file to nothing.
 */
export const WAL_TRUNCATE_PAGES = 1024;
/** No commit by the server through this many checkpoints in a row: it is idle, and the log is truncated. */
const IDLE_CHECKPOINTS = 2;

/** On the server's connection, once the background checkpoints run. */
export async function leaveCheckpointsToBackground(db: Db): Promise<void> {
  if (db.dialect === 'sqlite')
    await sql`pragma wal_autocheckpoint = ${sql.raw(String(SERVER_THRESHOLD_PAGES))}`.execute(
      db.kysely,
    );
}

/** In the worker, on its own connection; returns a function that stops them. */
export function startBackgroundCheckpoints(
  db: Db,
  log: (message: string, error?: unknown) => void,
  intervalMs = INTERVAL_MS,
): () => void {
  if (db.dialect !== 'sqlite') return () => {};
  // A full disk fails every checkpoint until space is freed: say so once, and when they resume.
  let failing = false;
  let lastVersion = -1;
  let quiet = 0;
  const walFile = `${db.location}-wal`;
  const timer = setInterval(async () => {
    try {
      // data_version moves when another connection (the server) commits.
      const version = await pragmaValue(db, 'data_version');
      quiet = version === lastVersion ? quiet + 1 : 0;
      lastVersion = version;
      const { rows } = await sql<{ log: number }>`pragma wal_checkpoint(PASSIVE)`.execute(
        db.kysely,
      );
      const idle = quiet >= IDLE_CHECKPOINTS && fileSize(walFile) > 0;
      if ((rows[0]?.log ?? 0) > WAL_TRUNCATE_PAGES || idle)
        await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db.kysely);
      if (failing) log('background checkpoints resumed');
      failing = false;
    } catch (error) {
      if (!failing) log('background checkpoint failed', error);
      failing = true;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

async function pragmaValue(db: Db, name: string): Promise<number> {
  const { rows } = await sql<Record<string, number>>`pragma ${sql.raw(name)}`.execute(db.kysely);
  return Number(Object.values(rows[0] ?? {})[0] ?? 0);
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
