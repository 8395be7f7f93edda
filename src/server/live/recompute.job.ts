import { createHash } from 'node:crypto';
import { analyze, type ConversationInput } from '../../analysis/index.ts';
import type { AnalysisSummary, LiveVoteCounts } from '../../domain/analysis.ts';
import type { Kysely } from 'kysely';
import type { AnalysisResultsTable, Database } from '../db/schema.ts';
import {
  parseStoredAnalysis,
  presentStoredAnalysis,
  serializeStoredAnalysis,
  type StoredAnalysis,
} from '../presenters/analysis.presenter.ts';
import { analysisRepo } from '../repositories/analysis.repository.ts';

export type RecomputeJobResult =
  | { outcome: 'no-session' | 'no-votes' | 'unchanged' }
  | {
      outcome: 'computed';
      row: AnalysisResultsTable;
      counts: LiveVoteCounts;
      summary: AnalysisSummary;
    };

/**
 * The heavy half of a recomputation, run in the live hub's worker thread on its own database
 * connection (recompute.worker.ts): reads the session's statements, votes and voters, skips the
 * work when the input hash matches the stored result, analyses warm-started from it, and returns
 * the row to store (computed_at left for the caller) with the live events to publish. Reading tens of thousands of votes here
 * rather than on the main thread keeps votes answered meanwhile (SQLite reads block the thread).
 * Writes nothing: the caller stores the row, so all writes stay on the server's own connection.
 * The demo loader runs it in-process (demo/analysis.ts).
 */
export async function runRecomputeJob(
  kysely: Kysely<Database>,
  sessionId: string,
): Promise<RecomputeJobResult> {
  const session = await analysisRepo.session(kysely, sessionId);
  if (!session) return { outcome: 'no-session' };
  const [statements, allVotes, voters, previousRow, delegations] = await Promise.all([
    analysisRepo.statements(kysely, sessionId),
    analysisRepo.votes(kysely, sessionId),
    analysisRepo.voters(kysely, sessionId),
    analysisRepo.find(kysely, sessionId),
    analysisRepo.delegations(kysely, session.series_id),
  ]);
  const known = new Set(statements.map((s) => s.id));
  const votes = allVotes.filter((v) => known.has(v.statement_id));
  if (votes.length === 0) return { outcome: 'no-votes' };
  const input: ConversationInput = {
    statements: statements.map((s) => ({
      id: s.id,
      moderatedOut: s.status !== 'approved',
      meta: s.is_meta === 1,
    })),
    votes: votes.map((v) => ({
      participant: v.participation_id,
      statement: v.statement_id,
      value: v.value,
    })),
    delegations: Object.fromEntries(
      voters.filter((v) => v.delegation_id).map((v) => [v.id, v.delegation_id as string]),
    ),
    backgrounds: Object.fromEntries(voters.map((v) => [v.id, v.background])),
  };
  const inputHash = createHash('sha256').update(JSON.stringify(input)).digest('base64url');
  const previous = previousRow ? parseStoredAnalysis(previousRow) : null;
  if (previous?.inputHash === inputHash) return { outcome: 'unchanged' };

  const describesUntil = votes.reduce(
    (latest, v) => (v.updated_at > latest ? v.updated_at : latest),
    '',
  );
  const stored: StoredAnalysis = {
    inputHash,
    activeStatements: statements.filter((s) => s.status === 'approved').map((s) => s.id),
    analysis: analyze(input, { previous: previous?.analysis }),
  };
  const row: AnalysisResultsTable = {
    session_id: sessionId,
    computed_at: '', // stamped by the caller when it stores the row
    describes_until: describesUntil,
    vote_count: votes.length,
    result: serializeStoredAnalysis(stored),
  };
  const lookup = new Map(delegations.map((d) => [d.id, { name: d.name, position: d.position }]));
  const summary = presentStoredAnalysis(stored, row, lookup, { backgrounds: false });
  return {
    outcome: 'computed',
    row,
    counts: voteCounts(sessionId, describesUntil, statements, votes),
    summary,
  };
}

function voteCounts(
  sessionId: string,
  describesUntil: string,
  statements: { id: string; status: string }[],
  votes: { statement_id: string; value: number }[],
): LiveVoteCounts {
  const counts = new Map(
    statements
      .filter((s) => s.status === 'approved')
      .map((s) => [s.id, { statementId: s.id, agree: 0, disagree: 0, pass: 0 }]),
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
