import type { AnalysisResult } from '../../analysis/index.ts';
import type { ReleaseBody } from '../../analysis/disclosure/release.ts';
import type { AnalysisSummary, LiveVoteCounts } from '../../domain/analysis.ts';
import type { Background } from '../../domain/enums.ts';
import type { AnalysisResultsTable } from '../db/schema.ts';

/**
 * The engine's output on the released ballots (kept server-side for warm starts and the routing
 * of the next statement; it holds voter keys and must never be sent as is) and a hash of the
 * input, so an unchanged session is not gated again.
 */
export interface StoredAnalysis {
  inputHash: string;
  analysis: AnalysisResult;
}

/** analysis_results.result is the engine's output itself with Parley's additions under `parley`. */
export function serializeStoredAnalysis(stored: StoredAnalysis): string {
  return JSON.stringify({ ...stored.analysis, parley: { inputHash: stored.inputHash } });
}

/** Reads a stored analysis; null when it is not one. */
export function parseStoredAnalysis(
  row: Pick<AnalysisResultsTable, 'result'>,
): StoredAnalysis | null {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(row.result) as Record<string, unknown>;
  } catch {
    return null;
  }
  const { parley, ...rest } = parsed as { parley?: { inputHash?: unknown } };
  const analysis = rest as unknown as AnalysisResult;
  const complete =
    analysis.version === 1 &&
    Array.isArray(analysis.statements?.ids) &&
    Array.isArray(analysis.participants?.ids) &&
    analysis.pca !== undefined;
  if (!complete) return null;
  return { inputHash: typeof parley?.inputHash === 'string' ? parley.inputHash : '', analysis };
}

export type DelegationLookup = ReadonlyMap<string, { name: string; position: number }>;

/**
 * A stored release as viewers receive it: its summary, with delegation names as they are now and
 * delegations in the series' order. Null when the row holds no release.
 */
export function presentRelease(
  row: Pick<AnalysisResultsTable, 'session_id' | 'computed_at' | 'release_seq' | 'summary'>,
  delegations: DelegationLookup,
): AnalysisSummary | null {
  const body = JSON.parse(row.summary) as ReleaseBody | null;
  if (!body || row.release_seq === 0) return null;
  const position = (id: string) => delegations.get(id)?.position ?? Number.MAX_SAFE_INTEGER;
  return {
    sessionId: row.session_id,
    release: row.release_seq,
    releasedAt: row.computed_at,
    ...body,
    statements: body.statements.map((s) => ({
      ...s,
      delegations: s.delegations
        .map((d) => ({ ...d, name: delegations.get(d.delegationId)?.name ?? '' }))
        .sort((a, b) => position(a.delegationId) - position(b.delegationId)),
      backgrounds: s.backgrounds.map((b) => ({ ...b, background: b.background as Background })),
    })),
  };
}

/** The `vote-counts` live event of a release: its per statement totals only. */
export function releaseVoteCounts(summary: AnalysisSummary): LiveVoteCounts {
  return {
    sessionId: summary.sessionId,
    release: summary.release,
    releasedAt: summary.releasedAt,
    statements: summary.statements.map((s) => ({ statementId: s.statementId, totals: s.totals })),
  };
}

/** The time of a release: to the second, so it names no single vote's moment. */
export const releaseTime = (now: Date) =>
  new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString();
