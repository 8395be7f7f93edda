import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ConversationInput } from '../../analysis/index.ts';
import type { LiveVoteCounts } from '../../domain/analysis.ts';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { parseStoredAnalysis, presentAnalysis, serializeStoredAnalysis } from '../presenters/analysis.presenter.ts';
import { analysisRepo } from '../repositories/analysis.repository.ts';
import { delegationLookup } from '../services/analysis.service.ts';
import type { LiveHub } from './hub.ts';
import type { AnalysisWorkerPool } from './worker-pool.ts';

export interface RecomputeContext {
  deps: Deps;
  hub: Pick<LiveHub, 'publish'>;
  pool: AnalysisWorkerPool;
}

/** What a recomputation did, for tests and logs. */
export type RecomputeOutcome = 'computed' | 'unchanged' | 'no-votes' | 'no-session';

/**
 * Recomputes a session's analysis from its statements and votes, warm-started from the stored
 * result, stores it with the time of the newest vote it includes, and publishes `vote-counts`
 * and `analysis`. On PostgreSQL a per-session advisory lock serialises processes, and the input
 * hash lets a process skip work another has just done.
 */
export async function recomputeSession(ctx: RecomputeContext, sessionId: string): Promise<RecomputeOutcome> {
  const db = ctx.deps.db;
  const session = await analysisRepo.session(db.kysely, sessionId);
  if (!session) return 'no-session';
  const stored =
    db.dialect === 'postgres'
      ? await db.kysely.transaction().execute(async (trx) => {
          await analysisRepo.lockSession(trx, sessionId);
          return computeAndStore(ctx, trx, sessionId);
        })
      : await computeAndStore(ctx, db.kysely, sessionId);
  if (typeof stored === 'string') return stored;
  const summary = presentAnalysis(stored, await delegationLookup(ctx.deps, session.series_id), { backgrounds: false });
  if (!summary) throw new Error('the analysis just stored cannot be read back');
  await ctx.hub.publish(sessionId, { type: 'analysis', data: summary });
  return 'computed';
}

async function computeAndStore(ctx: RecomputeContext, db: Kysely<Database>, sessionId: string) {
  const [statements, allVotes, voters, previousRow] = await Promise.all([
    analysisRepo.statements(db, sessionId),
    analysisRepo.votes(db, sessionId),
    analysisRepo.voters(db, sessionId),
    analysisRepo.find(db, sessionId),
  ]);
  const known = new Set(statements.map((s) => s.id));
  const votes = allVotes.filter((v) => known.has(v.statement_id));
  if (votes.length === 0) return 'no-votes' as const;
  const input: ConversationInput = {
    statements: statements.map((s) => ({ id: s.id, moderatedOut: s.status !== 'approved', meta: s.is_meta === 1 })),
    votes: votes.map((v) => ({ participant: v.participation_id, statement: v.statement_id, value: v.value })),
    delegations: Object.fromEntries(voters.filter((v) => v.delegation_id).map((v) => [v.id, v.delegation_id as string])),
    backgrounds: Object.fromEntries(voters.map((v) => [v.id, v.background])),
  };
  const inputHash = createHash('sha256').update(JSON.stringify(input)).digest('base64url');
  const previous = previousRow ? parseStoredAnalysis(previousRow) : null;
  if (previous?.inputHash === inputHash) return 'unchanged' as const;

  const describesUntil = votes.reduce((latest, v) => (v.updated_at > latest ? v.updated_at : latest), '');
  await ctx.hub.publish(sessionId, { type: 'vote-counts', data: voteCounts(sessionId, describesUntil, statements, votes) });

  const analysis = await ctx.pool.analyze(input, previous?.analysis);
  const row = {
    session_id: sessionId,
    computed_at: ctx.deps.now().toISOString(),
    describes_until: describesUntil,
    vote_count: votes.length,
    result: serializeStoredAnalysis({
      inputHash,
      activeStatements: statements.filter((s) => s.status === 'approved').map((s) => s.id),
      analysis,
    }),
  };
  await analysisRepo.save(db, row);
  return row;
}

function voteCounts(
  sessionId: string,
  describesUntil: string,
  statements: { id: string; status: string }[],
  votes: { statement_id: string; value: number }[],
): LiveVoteCounts {
  const counts = new Map(
    statements.filter((s) => s.status === 'approved').map((s) => [s.id, { statementId: s.id, agree: 0, disagree: 0, pass: 0 }]),
  );
  for (const v of votes) {
    const c = counts.get(v.statement_id);
    if (!c) continue;
    if (v.value > 0) c.agree++;
    else if (v.value < 0) c.disagree++;
    else c.pass++;
  }
  return { sessionId, describesUntil, statements: [...counts.values()] };
}
