import type { Kysely } from 'kysely';
import type { Database } from '../server/db/schema.ts';
import { releaseInProcess } from '../server/live/recompute.job.ts';

/**
 * Makes a session's release right after the demo is imported, so its analysis page has something
 * to show before anyone votes: the live hub's own job (same input hash, so the hub then finds it
 * unchanged), run in-process.
 */
export const storeSessionAnalysis = (db: Kysely<Database>, sessionId: string, now: Date) =>
  releaseInProcess(db, sessionId, now);
