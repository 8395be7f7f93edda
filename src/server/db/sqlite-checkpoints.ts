import { sql } from 'kysely';
import type { Db } from './connect.ts';

/**
 * SQLite in WAL mode copies the log back into the database file ("checkpoint") every 1,000
 * pages, inside whichever commit crosses the line, and a checkpoint syncs the files to disk: one
 * vote in a few dozen then waits 10-20 ms on the server's only thread. The live hub's worker
 * thread checkpoints in the background instead (PASSIVE: it never blocks the server's writes),
 * and the server's own connection keeps a far threshold only as a safety net.
 */
const SERVER_THRESHOLD_PAGES = 20_000;
/** Seldom enough that a page written by many votes is copied once, often enough to keep the log short. */
const INTERVAL_MS = 1000;
/** Past this many pages a reset of the log is forced (RESTART waits for the writer briefly). */
const FORCE_RESTART_PAGES = 16_000;

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
  const timer = setInterval(async () => {
    try {
      const { rows } = await sql<{ log: number }>`pragma wal_checkpoint(PASSIVE)`.execute(
        db.kysely,
      );
      if ((rows[0]?.log ?? 0) > FORCE_RESTART_PAGES)
        await sql`pragma wal_checkpoint(RESTART)`.execute(db.kysely);
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
