import { smoothedShare } from './repness.ts';
import type {
  CategoryBreakdown,
  CategoryLookup,
  Classification,
  ConvergenceReport,
  StatementConvergence,
  VoteMatrix,
} from './types.ts';

/** Two-sided 90% normal quantile, for the Wilson interval. */
export const Z_TWO_SIDED_90 = 1.6449;
/** Pass share above which a statement is uncertain. */
export const PASS_SHARE_UNCERTAIN = 0.3;
/** A delegation whose disagree share exceeds this blocks convergence (and likewise for shared rejection). */
export const BLOCKING_SHARE = 1 / 3;
export const MERGED_CATEGORY = 'other';

/** Wilson score interval for k successes out of n at two-sided 90%; [0, 1] when n = 0. */
export function wilsonInterval(k: number, n: number, z = Z_TWO_SIDED_90): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function lookup(categories: CategoryLookup, id: string): string | undefined {
  return categories instanceof Map
    ? categories.get(id)
    : (categories as Readonly<Record<string, string>>)[id];
}

/**
 * Non-attribution: each row gets a reportable category index, or -1. Categories with fewer than
 * k members are withheld or, with `merge`, pooled into "other" (reported only if the pool itself
 * reaches k), so no breakdown describes fewer than k people. Ordered by name for stable output.
 */
export function reportableCategories(
  matrix: VoteMatrix,
  categories: CategoryLookup | undefined,
  k: number,
  merge: boolean,
) {
  const rows = matrix.participants.length;
  const rowCategory = new Int32Array(rows).fill(-1);
  if (!categories) return { names: [] as string[], rowCategory, withheld: 0 };
  const size = new Map<string, number>();
  const raw = matrix.participants.map((id) => lookup(categories, id));
  for (const name of raw) if (name !== undefined) size.set(name, (size.get(name) ?? 0) + 1);
  const large = [...size.keys()].filter((name) => (size.get(name) ?? 0) >= k).sort();
  const small = [...size.keys()].filter((name) => (size.get(name) ?? 0) < k);
  const pooled = small.reduce((sum, name) => sum + (size.get(name) ?? 0), 0);
  const names =
    merge && pooled >= k && small.length > 0 && !large.includes(MERGED_CATEGORY)
      ? [...large, MERGED_CATEGORY]
      : large;
  const indexOf = new Map(names.map((name, c) => [name, c]));
  raw.forEach((name, i) => {
    if (name === undefined) return;
    const c = indexOf.get((size.get(name) ?? 0) >= k ? name : MERGED_CATEGORY);
    if (c !== undefined) rowCategory[i] = c;
  });
  return { names, rowCategory, withheld: small.length };
}

function breakdowns(
  matrix: VoteMatrix,
  names: string[],
  rowCategory: Int32Array,
  minVotes: number,
): CategoryBreakdown[][] {
  const nCols = matrix.statements.length;
  const c = names.length;
  const agrees = new Int32Array(c * nCols);
  const disagrees = new Int32Array(c * nCols);
  const seen = new Int32Array(c * nCols);
  for (let i = 0; i < matrix.participants.length; i++) {
    const category = rowCategory[i];
    if (category < 0) continue;
    for (let p = matrix.rowStart[i]; p < matrix.rowStart[i + 1]; p++) {
      const cell = matrix.statementIndex[p] * c + category;
      seen[cell]++;
      if (matrix.value[p] > 0) agrees[cell]++;
      else if (matrix.value[p] < 0) disagrees[cell]++;
    }
  }
  const result: CategoryBreakdown[][] = [];
  for (let j = 0; j < nCols; j++) {
    result.push(
      names.map((category, d) => {
        const [a, n, s] = [agrees[j * c + d], disagrees[j * c + d], seen[j * c + d]];
        return {
          category,
          agrees: a,
          disagrees: n,
          passes: s - a - n,
          seen: s,
          agreeShare: s > 0 ? a / s : 0,
          wilson90: wilsonInterval(a, s),
          smoothedAgree: smoothedShare(a, s),
          smoothedDisagree: smoothedShare(n, s),
          tooFewVotes: s < minVotes,
        };
      }),
    );
  }
  return result;
}

/**
 * Classifies one statement from its per-delegation breakdowns, in this order:
 * - uncertain: no delegation, any delegation with too few votes, or passes above 30% overall;
 * - convergence: every delegation's smoothed agree share > 1/2 and none's disagree share > 1/3;
 * - shared rejection: the same with agree and disagree swapped;
 * - divergence: one delegation leans agree (smoothed agree > 1/2) and another leans disagree;
 * - contested within: some delegation has neither side above 1/2;
 * - otherwise uncertain (majorities on one side but one delegation's minority is too large).
 */
export function classify(delegations: readonly CategoryBreakdown[]): Classification {
  if (delegations.length === 0 || delegations.some((d) => d.tooFewVotes)) return 'uncertain';
  const seen = delegations.reduce((s, d) => s + d.seen, 0);
  const passes = delegations.reduce((s, d) => s + d.passes, 0);
  if (passes / seen > PASS_SHARE_UNCERTAIN) return 'uncertain';
  const disagreeShare = (d: CategoryBreakdown) => d.disagrees / d.seen;
  const agreeShare = (d: CategoryBreakdown) => d.agrees / d.seen;
  if (delegations.every((d) => d.smoothedAgree > 0.5 && disagreeShare(d) <= BLOCKING_SHARE))
    return 'convergence';
  if (delegations.every((d) => d.smoothedDisagree > 0.5 && agreeShare(d) <= BLOCKING_SHARE))
    return 'shared-rejection';
  const leansAgree = delegations.some((d) => d.smoothedAgree > 0.5);
  const leansDisagree = delegations.some((d) => d.smoothedDisagree > 0.5);
  if (leansAgree && leansDisagree) return 'divergence';
  if (delegations.some((d) => d.smoothedAgree <= 0.5 && d.smoothedDisagree <= 0.5))
    return 'contested-within';
  return 'uncertain';
}

/**
 * Parley's report for known delegations: per statement, each delegation's (small ones withheld)
 * and background category's (small ones pooled)
 * counts with a Wilson 90% interval, the classification, and the bridging score (the
 * minimum smoothed agree share over delegations). Pathways to cooperation are the active
 * statements ranked by bridging score, uncertain ones left out.
 */
export function convergenceReport(
  matrix: VoteMatrix,
  options: { k: number; minVotes: number },
): ConvergenceReport | undefined {
  if (!matrix.delegations && !matrix.backgrounds) return undefined;
  const delegations = reportableCategories(matrix, matrix.delegations, options.k, false);
  const backgrounds = reportableCategories(matrix, matrix.backgrounds, options.k, true);
  const byDelegation = breakdowns(
    matrix,
    delegations.names,
    delegations.rowCategory,
    options.minVotes,
  );
  const byBackground = breakdowns(
    matrix,
    backgrounds.names,
    backgrounds.rowCategory,
    options.minVotes,
  );
  const statements: StatementConvergence[] = [];
  matrix.statements.forEach((statement, j) => {
    if (matrix.excluded[j]) return;
    const perDelegation = byDelegation[j];
    statements.push({
      statement: statement.id,
      classification: classify(perDelegation),
      bridging:
        perDelegation.length > 0 ? Math.min(...perDelegation.map((d) => d.smoothedAgree)) : 0,
      delegations: perDelegation,
      backgrounds: byBackground[j],
    });
  });
  const pathways = statements
    .filter((s) => s.classification !== 'uncertain')
    .sort((a, b) => b.bridging - a.bridging)
    .map((s) => s.statement);
  return {
    delegations: delegations.names,
    backgrounds: backgrounds.names,
    withheld: { delegations: delegations.withheld, backgrounds: backgrounds.withheld },
    statements,
    pathways,
  };
}
