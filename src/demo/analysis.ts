import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { analyze, type ConversationInput } from '../analysis/index.ts';
import type { Database } from '../server/db/schema.ts';
import { serializeStoredAnalysis } from '../server/presenters/analysis.presenter.ts';
import { analysisRepo } from '../server/repositories/analysis.repository.ts';

/**
 * Computes and stores a session's analysis right after the demo is imported, so its analysis page
 * has something to show before anyone votes. The live hub's recomputation (live/recompute.ts)
 * runs the engine in a worker thread and publishes events; neither is needed for a freshly
 * loaded database, so this runs the engine in-process and stores exactly what the hub stores
 * (same input, same input hash, same serialisation), which the hub then finds unchanged.
 */
export async function storeSessionAnalysis(db: Kysely<Database>, sessionId: string, now: Date): Promise<boolean> {
  const [statements, allVotes, voters] = await Promise.all([
    analysisRepo.statements(db, sessionId),
    analysisRepo.votes(db, sessionId),
    analysisRepo.voters(db, sessionId),
  ]);
  const known = new Set(statements.map((s) => s.id));
  const votes = allVotes.filter((v) => known.has(v.statement_id));
  if (votes.length === 0) return false;
  const input: ConversationInput = {
    statements: statements.map((s) => ({ id: s.id, moderatedOut: s.status !== 'approved', meta: s.is_meta === 1 })),
    votes: votes.map((v) => ({ participant: v.participation_id, statement: v.statement_id, value: v.value })),
    delegations: Object.fromEntries(voters.filter((v) => v.delegation_id).map((v) => [v.id, v.delegation_id as string])),
    backgrounds: Object.fromEntries(voters.map((v) => [v.id, v.background])),
  };
  const inputHash = createHash('sha256').update(JSON.stringify(input)).digest('base64url');
  await analysisRepo.save(db, {
    session_id: sessionId,
    computed_at: now.toISOString(),
    describes_until: votes.reduce((latest, v) => (v.updated_at > latest ? v.updated_at : latest), ''),
    vote_count: votes.length,
    result: serializeStoredAnalysis({
      inputHash,
      activeStatements: statements.filter((s) => s.status === 'approved').map((s) => s.id),
      analysis: analyze(input),
    }),
  });
  return true;
}
