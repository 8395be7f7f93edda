import type { AnalysisResult, CategoryBreakdown } from '../../analysis/index.ts';
import type { AnalysisSummary } from '../../domain/analysis.ts';
import type { Background } from '../../domain/enums.ts';
import type { AnalysisResultsTable } from '../db/schema.ts';

/** The non-attribution threshold: no breakdown may describe fewer people (analysis.md part 2). */
export const K_ANONYMITY = 3;

/**
 * A stored analysis: the engine's whole output (kept server-side for warm starts and routing; it
 * contains participant ids and must never be sent as is), the statements that were active when
 * it ran, and a hash of its input so an unchanged session is not recomputed.
 */
export interface StoredAnalysis {
  inputHash: string;
  activeStatements: string[];
  analysis: AnalysisResult;
}

/**
 * analysis_results.result is the engine's output itself (so readers such as the routing of the
 * next statement can use `statements.ids` and `routing` directly) with Parley's additions under
 * `parley`.
 */
export function serializeStoredAnalysis(stored: StoredAnalysis): string {
  return JSON.stringify({
    ...stored.analysis,
    parley: { inputHash: stored.inputHash, activeStatements: stored.activeStatements },
  });
}

/** Reads a stored analysis (also the older { inputHash, activeStatements, analysis } shape); null when it is not one. */
export function parseStoredAnalysis(row: AnalysisResultsTable): StoredAnalysis | null {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(row.result) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (parsed.analysis && typeof parsed.analysis === 'object') {
    parsed = {
      ...(parsed.analysis as Record<string, unknown>),
      parley: { inputHash: parsed.inputHash, activeStatements: parsed.activeStatements },
    };
  }
  const { parley, ...rest } = parsed as { parley?: Partial<Omit<StoredAnalysis, 'analysis'>> };
  const analysis = rest as unknown as AnalysisResult;
  const complete =
    analysis.version === 1 &&
    Array.isArray(analysis.statements?.ids) &&
    Array.isArray(analysis.participants?.ids) &&
    analysis.pca !== undefined;
  if (!complete) return null;
  return {
    inputHash: typeof parley?.inputHash === 'string' ? parley.inputHash : '',
    activeStatements: Array.isArray(parley?.activeStatements)
      ? parley.activeStatements
      : analysis.statements.ids,
    analysis,
  };
}

/** Four decimals: more than a projector or a report can show, and half the bytes on the wire. */
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

const shares = (b: CategoryBreakdown) => ({
  agrees: b.agrees,
  disagrees: b.disagrees,
  passes: b.passes,
  seen: b.seen,
  agreeShare: r4(b.agreeShare),
  wilson90: [r4(b.wilson90[0]), r4(b.wilson90[1])] as [number, number],
  tooFewVotes: b.tooFewVotes,
});

/**
 * The room view's summary of a session, the same for everyone allowed to see it: positions
 * without participant ids, group sizes, per statement counts and convergence, and breakdowns
 * only for delegations and background categories the engine found to have at least k voters.
 */
export type DelegationLookup = ReadonlyMap<string, { name: string; position: number }>;

export interface PresentOptions {
  /**
   * False for the live `analysis` event: the room view shows delegation bars only, and a
   * thousand clients should not each receive every background breakdown (GET .../analysis has them).
   */
  backgrounds?: boolean;
}

/** Null when the row holds no readable analysis. */
export function presentAnalysis(
  row: AnalysisResultsTable,
  delegations: DelegationLookup,
  options: PresentOptions = {},
): AnalysisSummary | null {
  const stored = parseStoredAnalysis(row);
  return stored ? presentStoredAnalysis(stored, row, delegations, options) : null;
}

/** The same from an analysis in hand (the worker that just made it need not read its own JSON back). */
export function presentStoredAnalysis(
  stored: StoredAnalysis,
  row: Omit<AnalysisResultsTable, 'result'>,
  delegations: DelegationLookup,
  options: PresentOptions = {},
): AnalysisSummary {
  const { analysis, activeStatements } = stored;
  const position = (id: string) => delegations.get(id)?.position ?? Number.MAX_SAFE_INTEGER;
  const active = new Set(activeStatements);
  const convergence = new Map(
    (analysis.convergence?.statements ?? []).map((s) => [s.statement, s]),
  );
  const p = analysis.participants;
  const points = p.x
    .map((x, i) => ({ x: r4(x), y: r4(p.y[i]), group: p.group[i] }))
    // Sorted by position so the order of points says nothing about who voted first.
    .sort((a, b) => a.x - b.x || a.y - b.y || a.group - b.group);
  const s = analysis.statements;
  const statements = s.ids.flatMap((id, j) => {
    if (!active.has(id)) return [];
    const report = convergence.get(id);
    return [
      {
        statementId: id,
        x: r4(s.x[j]),
        y: r4(s.y[j]),
        agrees: s.agrees[j],
        disagrees: s.disagrees[j],
        passes: s.seen[j] - s.agrees[j] - s.disagrees[j],
        seen: s.seen[j],
        classification: report?.classification ?? null,
        bridging: report && report.delegations.length > 0 ? r4(report.bridging) : null,
        // In the series' order of sides, as everywhere else.
        delegations: (report?.delegations ?? [])
          .map((b) => ({
            delegationId: b.category,
            name: delegations.get(b.category)?.name ?? '',
            ...shares(b),
          }))
          .sort((a, b) => position(a.delegationId) - position(b.delegationId)),
        backgrounds: (options.backgrounds === false ? [] : (report?.backgrounds ?? [])).map(
          (b) => ({
            background: b.category as Background,
            ...shares(b),
          }),
        ),
      },
    ];
  });
  const onlyActive = (ids: string[]) => ids.filter((id) => active.has(id));
  return {
    sessionId: row.session_id,
    computedAt: row.computed_at,
    describesUntil: row.describes_until,
    voteCount: row.vote_count,
    k: K_ANONYMITY,
    counts: {
      participants: analysis.counts.participants,
      statements: statements.length,
      votes: analysis.counts.votes,
    },
    noOpinionStructure: analysis.flags.noOpinionStructure,
    points,
    groups: analysis.groups.map((g) => ({
      id: g.id,
      size: g.members.length,
      centre: [r4(g.centre[0]), r4(g.centre[1])] as [number, number],
      // A group of fewer than k people: its counts would be one person's votes.
      representative: (g.members.length >= K_ANONYMITY
        ? (analysis.repness[String(g.id)] ?? [])
        : []
      )
        .filter((r) => active.has(r.statement))
        .map((r) => ({
          statementId: r.statement,
          direction: r.direction,
          agrees: r.agrees,
          disagrees: r.disagrees,
          seen: r.seen,
        })),
    })),
    statements,
    consensus: {
      agree: onlyActive(analysis.consensus.agree.map((c) => c.statement)),
      disagree: onlyActive(analysis.consensus.disagree.map((c) => c.statement)),
    },
    pathways: onlyActive(analysis.convergence?.pathways ?? []),
    uncertain: onlyActive(analysis.uncertainty.map((u) => u.statement)),
    withheld: analysis.convergence?.withheld ?? { delegations: 0, backgrounds: 0 },
  };
}
