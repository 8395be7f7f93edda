import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import {
  presentRelease,
  releaseTime,
  releaseVoteCounts,
} from '../presenters/analysis.presenter.ts';
import { analysisRepo } from '../repositories/analysis.repository.ts';
import { delegationLookup } from '../services/analysis.service.ts';
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
 * Makes a session's next release if it may (the worker runs recompute.job.ts), stores it, then
 * publishes its `vote-counts` and `analysis` events. On PostgreSQL a per-session advisory lock
 * serialises processes, so two never release from the same previous state.
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
  const session = await analysisRepo.session(db.kysely, sessionId);
  const summary = presentRelease(job.row, await delegationLookup(ctx.deps, session!.series_id));
  if (!summary) return 'unchanged';
  await ctx.hub.publish(sessionId, { type: 'vote-counts', data: releaseVoteCounts(summary) });
  await ctx.hub.publish(sessionId, { type: 'analysis', data: summary });
  return 'computed';
}

async function computeAndStore(
  ctx: RecomputeContext,
  db: Kysely<Database>,
  sessionId: string,
): Promise<RecomputeJobResult> {
  const job = await ctx.worker.recompute(sessionId);
  if (job.outcome !== 'computed') return job;
  job.row.computed_at = job.row.describes_until = releaseTime(ctx.deps.now());
  await analysisRepo.save(db, job.row);
  return job;
}
