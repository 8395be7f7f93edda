import { classify, PASS_SHARE_UNCERTAIN, wilsonInterval } from '../delegations.ts';
import { analyze } from '../index.ts';
import { smoothedShare } from '../repness.ts';
import type { AnalysisResult, CategoryBreakdown, StatementInput } from '../types.ts';
import { cellOf, type Level, type StatementBallots, type Voters } from './cells.ts';
import { gateRelease, releasedBallots, type ReleasedState } from './gate.ts';
import { coarseMap, type CoarseMap } from './map.ts';

export interface ReleaseInput {
  readonly previous: { state: ReleasedState; engine: AnalysisResult | null; final: boolean } | null;
  /** The statements in the room (approved), in agenda order. */
  readonly statements: readonly StatementInput[];
  /** Current ballots per statement id. */
  readonly ballots: Readonly<Record<string, StatementBallots>>;
  readonly voters: Voters;
  readonly k: number;
  /** The session is closed: this is its final state. */
  readonly final: boolean;
}

export interface Shares {
  agrees: number;
  disagrees: number;
  passes: number;
  seen: number;
  agreeShare: number;
  wilson90: [number, number];
}

export interface StatementRelease {
  statementId: string;
  level: Level | 'none';
  totals: { agrees: number; disagrees: number; passes: number; seen: number } | null;
  classification: ReturnType<typeof classify> | null;
  bridging: number | null;
  delegations: (Shares & { delegationId: string })[];
  backgrounds: (Shares & { background: string })[];
}

/** A release's content: everything in it is safe to show to anyone allowed the analysis. */
export interface ReleaseBody {
  final: boolean;
  k: number;
  counts: { voters: number; statements: number; votes: number };
  heldBack: number;
  noOpinionStructure: boolean;
  map: CoarseMap;
  groups: {
    id: number;
    size: number;
    representative: { statementId: string; direction: 'agree' | 'disagree' }[];
  }[];
  statements: StatementRelease[];
  consensus: { agree: string[]; disagree: string[] };
  pathways: string[];
  uncertain: string[];
}

export type ReleaseOutcome =
  | { changed: false; heldBack: number }
  | { changed: true; state: ReleasedState; engine: AnalysisResult; body: ReleaseBody };

/**
 * The next release of a session: the gate picks what may be shown (gate.ts), the engine analyses
 * exactly that, and the body keeps of its output only aggregates of at least k voters. Nothing
 * changed (every change still held back, no new final state): no release.
 */
export function buildRelease(input: ReleaseInput): ReleaseOutcome {
  const { previous, statements, voters, k, final } = input;
  const roomIds = new Set(statements.map((s) => s.id));
  const current = Object.fromEntries(Object.entries(input.ballots).filter(([s]) => roomIds.has(s)));
  const gate = gateRelease({
    previous: previous?.state ?? { shown: {}, snapshots: {} },
    current,
    voters,
    k,
    final,
  });
  const dropped = Object.keys(previous?.state.shown ?? {}).some((s) => !(s in gate.state.shown));
  const newlyFinal = final && !previous?.final;
  if (previous && gate.advanced.length === 0 && !dropped && !newlyFinal)
    return { changed: false, heldBack: gate.heldBack };
  if (!previous && Object.keys(gate.state.shown).length === 0 && !final)
    return { changed: false, heldBack: gate.heldBack };

  const released = releasedBallots(gate.state);
  const engine = analyze(
    {
      statements: statements.filter((s) => s.id in released || !s.moderatedOut),
      votes: Object.entries(released).flatMap(([statement, b]) =>
        Object.entries(b).map(([participant, value]) => ({ participant, statement, value })),
      ),
    },
    { previous: previous?.engine ?? undefined },
  );
  const byStatement = statements
    .filter((s) => !s.moderatedOut)
    .map((s) => presentStatement(s.id, gate.state.shown[s.id], released[s.id], voters));
  const withTotals = new Set(byStatement.filter((s) => s.totals).map((s) => s.statementId));
  const classified = byStatement.filter((s) => s.classification !== null);
  const voterKeys = new Set(Object.values(released).flatMap((b) => Object.keys(b)));
  const groups = engine.groups.filter((g) => g.members.length >= k);
  return {
    changed: true,
    state: gate.state,
    engine,
    body: {
      final,
      k,
      counts: {
        voters: voterKeys.size,
        statements: byStatement.length,
        votes: Object.values(released).reduce((n, b) => n + Object.keys(b).length, 0),
      },
      heldBack: gate.heldBack,
      noOpinionStructure: engine.flags.noOpinionStructure,
      map: coarseMap(engine, k, withTotals),
      groups: groups.map((g) => ({
        id: g.id,
        size: g.members.length,
        representative: (engine.repness[String(g.id)] ?? [])
          .filter((r) => withTotals.has(r.statement))
          .map((r) => ({ statementId: r.statement, direction: r.direction })),
      })),
      statements: byStatement,
      consensus: {
        agree: engine.consensus.agree.map((c) => c.statement).filter((id) => withTotals.has(id)),
        disagree: engine.consensus.disagree
          .map((c) => c.statement)
          .filter((id) => withTotals.has(id)),
      },
      pathways: classified
        .filter((s) => s.classification !== 'uncertain')
        .sort((a, b) => b.bridging! - a.bridging!)
        .map((s) => s.statementId),
      uncertain: byStatement
        .filter(
          (s) =>
            s.totals && s.totals.seen > 0 && s.totals.passes / s.totals.seen > PASS_SHARE_UNCERTAIN,
        )
        .map((s) => s.statementId),
    },
  };
}

function presentStatement(
  statementId: string,
  level: Level | undefined,
  ballots: StatementBallots | undefined,
  voters: Voters,
): StatementRelease {
  const none: StatementRelease = {
    statementId,
    level: 'none',
    totals: null,
    classification: null,
    bridging: null,
    delegations: [],
    backgrounds: [],
  };
  if (!level || !ballots) return none;
  const entries = Object.entries(ballots);
  const [totals] = tally(entries, () => '*').values();
  const delegations =
    level === 'total'
      ? []
      : [...tally(entries, (v) => cellOf('delegations', voters.get(v))).entries()]
          .filter(([id]) => id !== '-')
          .map(([delegationId, b]) => ({ delegationId, ...shares(b) }));
  const backgrounds =
    level === 'backgrounds'
      ? [...tally(entries, (v) => voters.get(v)?.background ?? '-').entries()]
          .filter(([b]) => b !== '-')
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([background, b]) => ({ background, ...shares(b) }))
      : [];
  const breakdowns: CategoryBreakdown[] = delegations.map((d) => ({
    category: d.delegationId,
    ...d,
    smoothedAgree: smoothedShare(d.agrees, d.seen),
    smoothedDisagree: smoothedShare(d.disagrees, d.seen),
    tooFewVotes: false,
  }));
  return {
    statementId,
    level,
    totals: {
      agrees: totals.agrees,
      disagrees: totals.disagrees,
      passes: totals.passes,
      seen: totals.seen,
    },
    classification: breakdowns.length > 0 ? classify(breakdowns) : null,
    bridging:
      breakdowns.length > 0 ? round4(Math.min(...breakdowns.map((d) => d.smoothedAgree))) : null,
    delegations,
    backgrounds,
  };
}

type Tally = { agrees: number; disagrees: number; passes: number; seen: number };

function tally(entries: [string, number][], cell: (voter: string) => string): Map<string, Tally> {
  const cells = new Map<string, Tally>();
  for (const [voter, value] of entries) {
    const key = cell(voter);
    const t = cells.get(key) ?? { agrees: 0, disagrees: 0, passes: 0, seen: 0 };
    t.seen++;
    if (value > 0) t.agrees++;
    else if (value < 0) t.disagrees++;
    else t.passes++;
    cells.set(key, t);
  }
  if (cells.size === 0) cells.set('*', { agrees: 0, disagrees: 0, passes: 0, seen: 0 });
  return cells;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

function shares(t: Tally): Shares {
  const [lo, hi] = wilsonInterval(t.agrees, t.seen);
  return {
    ...t,
    agreeShare: round4(t.seen ? t.agrees / t.seen : 0),
    wilson90: [round4(lo), round4(hi)],
  };
}
