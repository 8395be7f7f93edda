import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { buildRelease, type ReleaseBody } from '../../analysis/disclosure/release.ts';
import type { StatementBallots, Value, VoterFacts } from '../../analysis/disclosure/cells.ts';
import type { ReleasedState } from '../../analysis/disclosure/gate.ts';
import type { AnalysisResultsTable, Database } from '../db/schema.ts';
import {
  parseStoredAnalysis,
  releaseTime,
  serializeStoredAnalysis,
} from '../presenters/analysis.presenter.ts';
import { analysisRepo } from '../repositories/analysis.repository.ts';

export type RecomputeJobResult =
  | { outcome: 'no-session' | 'no-votes' | 'unchanged' }
  | { outcome: 'computed'; row: AnalysisResultsTable; body: ReleaseBody };

/**
 * The heavy half of a release, run in the live hub's worker thread on its own database
 * connection (recompute.worker.ts): reads the session's statements, votes and voters and the
 * last release, and asks the gate (analysis/disclosure) what the next release may show. Returns
 * the row to store (computed_at left for the caller) or `unchanged` when every change is still
 * held back. Reading tens of thousands of votes here rather than on the main thread keeps votes
 * answered meanwhile. Writes nothing: the caller stores the row. The demo loader runs it
 * in-process (demo/analysis.ts).
 */
export async function runRecomputeJob(
  kysely: Kysely<Database>,
  sessionId: string,
): Promise<RecomputeJobResult> {
  const session = await analysisRepo.session(kysely, sessionId);
  if (!session) return { outcome: 'no-session' };
  const [statements, votes, voters, previousRow] = await Promise.all([
    analysisRepo.statements(kysely, sessionId),
    analysisRepo.votes(kysely, sessionId),
    analysisRepo.voters(kysely, sessionId),
    analysisRepo.find(kysely, sessionId),
  ]);
  const inRoom = statements.filter((s) => s.status === 'approved');
  const final = session.status === 'closed';
  const ballots: Record<string, Record<string, Value>> = {};
  for (const s of inRoom) ballots[s.id] = {};
  for (const v of votes) {
    const b = ballots[v.statement_id];
    // A value the vote path never writes: refuse to release from a damaged table.
    if (v.value !== 1 && v.value !== 0 && v.value !== -1)
      throw new Error(`session ${sessionId} holds a vote of value ${v.value}`);
    if (b) b[v.participation_id] = v.value;
  }
  if (votes.length === 0 && !previousRow) return { outcome: 'no-votes' };
  const k = session.k_anonymity;
  const inputHash = createHash('sha256')
    .update(JSON.stringify({ k, final, ballots, meta: inRoom.map((s) => s.is_meta) }))
    .digest('base64url');
  const previous = previousRow ? parseStoredAnalysis(previousRow) : null;
  if (previous?.inputHash === inputHash) return { outcome: 'unchanged' };

  const outcome = buildRelease({
    previous: previousRow
      ? {
          state: JSON.parse(previousRow.released) as ReleasedState,
          engine: previous?.analysis ?? null,
          final: previousRow.final === 1,
        }
      : null,
    statements: inRoom.map((s) => ({ id: s.id, meta: s.is_meta === 1 })),
    ballots: ballots as Record<string, StatementBallots>,
    voters: new Map<string, VoterFacts>(
      voters.map((v) => [v.id, { delegation: v.delegation_id, background: v.background }]),
    ),
    k,
    final,
  });
  if (!outcome.changed) return { outcome: 'unchanged' };
  const row: AnalysisResultsTable = {
    session_id: sessionId,
    computed_at: '', // stamped by the caller when it stores the row
    describes_until: '',
    vote_count: outcome.body.counts.votes,
    result: serializeStoredAnalysis({ inputHash, analysis: outcome.engine }),
    release_seq: (previousRow?.release_seq ?? 0) + 1,
    final: final ? 1 : 0,
    released: JSON.stringify(outcome.state),
    summary: JSON.stringify(outcome.body),
  };
  return { outcome: 'computed', row, body: outcome.body };
}

/**
 * Makes and stores a session's next release in-process, without the worker or live events: for a
 * database just written in bulk (the demo, a Polis import) that nobody watches yet.
 */
export async function releaseInProcess(
  kysely: Kysely<Database>,
  sessionId: string,
  now: Date,
): Promise<boolean> {
  const job = await runRecomputeJob(kysely, sessionId);
  if (job.outcome !== 'computed') return false;
  const at = releaseTime(now);
  await analysisRepo.save(kysely, { ...job.row, computed_at: at, describes_until: at });
  return true;
}
