import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { analysisRepo } from '../repositories/analysis.repository.ts';
import type { LiveHub } from './hub.ts';
import type { RecomputeJobResult } from './recompute.job.ts';
import type { RecomputeWorker } from './recompute-worker.ts';

export interface RecomputeContext {
  deps: Deps;
  hub: Pick<LiveHub, 'publish'>;
  worker: Pick<RecomputeWorker, 'recompute'>;
}

/** What a recomputation did, for tests and logs. */
export type RecomputeOutcome = 'computed' | 'unchanged' | 'no-votes' | 'no-session';

/**
 * Recomputes a session's analysis in the worker thread (recompute.job.ts: read, analyse warm-
 * started from the stored result, with the time of the newest vote it includes), stores it and
 * publishes `vote-counts` and `analysis`. On PostgreSQL a per-session advisory lock serialises
 * processes, and the input hash lets a process skip work another has just done.
 */
export async function recomputeSession(
  ctx: RecomputeContext,
  sessionId: string,
): Promise<RecomputeOutcome> {
  const db = ctx.deps.db;
  const job =
    db.dialect === 'postgres'
      ? await db.kysely.transaction().execute(async (trx) => {
          await analysisRepo.lockSession(trx, sessionId);
          return computeAndStore(ctx, trx, sessionId);
        })
      : await computeAndStore(ctx, db.kysely, sessionId);
  if (job.outcome !== 'computed') return job.outcome;
  await ctx.hub.publish(sessionId, { type: 'analysis', data: job.summary });
  return 'computed';
}

async function computeAndStore(
  ctx: RecomputeContext,
  db: Kysely<Database>,
  sessionId: string,
): Promise<RecomputeJobResult> {
  const job = await ctx.worker.recompute(sessionId);
  if (job.outcome !== 'computed') return job;
  // Stamped once the work is done, so it is never earlier than a vote the analysis includes.
  job.row.computed_at = job.summary.computedAt = ctx.deps.now().toISOString();
  await ctx.hub.publish(sessionId, { type: 'vote-counts', data: job.counts });
  await analysisRepo.save(db, job.row);
  return job;
}
