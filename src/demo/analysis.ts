import type { Kysely } from 'kysely';
import type { Database } from '../server/db/schema.ts';
import { runRecomputeJob } from '../server/live/recompute.job.ts';
import { analysisRepo } from '../server/repositories/analysis.repository.ts';
import { releaseTime } from '../server/presenters/analysis.presenter.ts';

/**
 * Computes and stores a session's analysis right after the demo is imported, so its analysis page
 * has something to show before anyone votes. The same job as the live hub's (live/recompute.job.ts,
 * same input hash and serialisation, so the hub then finds it unchanged), run in-process: a
 * freshly loaded database needs neither the worker thread nor live events.
 */
export async function storeSessionAnalysis(
  db: Kysely<Database>,
  sessionId: string,
  now: Date,
): Promise<boolean> {
  const job = await runRecomputeJob(db, sessionId);
  if (job.outcome !== 'computed') return false;
  const at = releaseTime(now);
  await analysisRepo.save(db, { ...job.row, computed_at: at, describes_until: at });
  return true;
}
