import type { RepStatement, VoteMatrix } from './types.ts';

/** One-sided 90% critical value of the standard normal. */
export const Z_90 = 1.2816;
export const MAX_REPRESENTATIVE = 5;

/** Agree/disagree/seen counts per (group, statement), flattened as g * statements + j. */
export interface GroupCounts {
  readonly groups: number;
  readonly agrees: Int32Array;
  readonly disagrees: Int32Array;
  readonly seen: Int32Array;
}

/** Counts votes of clustered participants per group in one pass over the CSR rows. `groupOfRow` is -1 for unclustered rows. */
export function countByGroup(
  matrix: VoteMatrix,
  groupOfRow: Int32Array,
  groups: number,
): GroupCounts {
  const nCols = matrix.statements.length;
  const agrees = new Int32Array(groups * nCols);
  const disagrees = new Int32Array(groups * nCols);
  const seen = new Int32Array(groups * nCols);
  for (let i = 0; i < matrix.participants.length; i++) {
    const g = groupOfRow[i];
    if (g < 0) continue;
    const offset = g * nCols;
    for (let p = matrix.rowStart[i]; p < matrix.rowStart[i + 1]; p++) {
      const cell = offset + matrix.statementIndex[p];
      seen[cell]++;
      if (matrix.value[p] > 0) agrees[cell]++;
      else if (matrix.value[p] < 0) disagrees[cell]++;
    }
  }
  return { groups, agrees, disagrees, seen };
}

/** Smoothed share (n + 1) / (seen + 2): a Beta(1,1) prior keeps small counts honest. */
export function smoothedShare(n: number, seen: number): number {
  return (n + 1) / (seen + 2);
}

/** Polis's one-proportion test statistic 2 * sqrt(seen + 1) * ((n + 1) / (seen + 1) - 1/2). */
export function proportionTest(n: number, seen: number): number {
  return 2 * Math.sqrt(seen + 1) * ((n + 1) / (seen + 1) - 0.5);
}

/** Two-proportion z-test of n1/seen1 against n2/seen2, +1 on all four counts; 0 when the pooled proportion is 1. */
export function twoProportionTest(n1: number, seen1: number, n2: number, seen2: number): number {
  const s1 = n1 + 1;
  const t1 = seen1 + 1;
  const s2 = n2 + 1;
  const t2 = seen2 + 1;
  const pooled = (s1 + s2) / (t1 + t2);
  if (pooled >= 1) return 0;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / t1 + 1 / t2));
  return se > 0 ? (s1 / t1 - s2 / t2) / se : 0;
}

interface Scored extends RepStatement {
  readonly qualifies: boolean;
  readonly agreeMetric: number;
}

function score(
  statement: string,
  na: number,
  nd: number,
  ns: number,
  restA: number,
  restD: number,
  restS: number,
  forceAgree = false,
): Scored {
  const pa = smoothedShare(na, ns);
  const pd = smoothedShare(nd, ns);
  const pat = proportionTest(na, ns);
  const pdt = proportionTest(nd, ns);
  const ra = pa / smoothedShare(restA, restS);
  const rd = pd / smoothedShare(restD, restS);
  const rat = twoProportionTest(na, ns, restA, restS);
  const rdt = twoProportionTest(nd, ns, restD, restS);
  const agree = forceAgree || rat > rdt;
  const qualifies = (rat > Z_90 && pat > Z_90) || (rdt > Z_90 && pdt > Z_90);
  const [p, pt, r, rt] = agree ? [pa, pat, ra, rat] : [pd, pdt, rd, rdt];
  return {
    statement,
    direction: agree ? 'agree' : 'disagree',
    agrees: na,
    disagrees: nd,
    seen: ns,
    probability: p,
    probabilityTest: pt,
    repness: r,
    repnessTest: rt,
    metric: r * rt * p * pt,
    qualifies,
    agreeMetric: ra * rat * pa * pat,
  };
}

function strip({ qualifies: _q, agreeMetric: _a, ...rest }: Scored): RepStatement {
  return rest;
}

/**
 * Representative statements of group g: what sets it apart from everyone else clustered.
 * A statement qualifies if its share in g and its difference from the rest are both significant
 * at one-sided 90% (agree or disagree). Ranked by repness * repness_test * p * p_test; the best
 * agree statement leads, then the top qualifiers, up to 5; with none qualifying, the best agree
 * statement by the same metric stands in. Excluded statements never appear.
 */
export function representativeStatements(
  matrix: VoteMatrix,
  counts: GroupCounts,
): RepStatement[][] {
  const nCols = matrix.statements.length;
  const totalA = new Int32Array(nCols);
  const totalD = new Int32Array(nCols);
  const totalS = new Int32Array(nCols);
  for (let g = 0; g < counts.groups; g++) {
    for (let j = 0; j < nCols; j++) {
      totalA[j] += counts.agrees[g * nCols + j];
      totalD[j] += counts.disagrees[g * nCols + j];
      totalS[j] += counts.seen[g * nCols + j];
    }
  }
  const result: RepStatement[][] = [];
  for (let g = 0; g < counts.groups; g++) {
    const scored: Scored[] = [];
    const scoreOf = (j: number, forceAgree = false) => {
      const c = g * nCols + j;
      const [na, nd, ns] = [counts.agrees[c], counts.disagrees[c], counts.seen[c]];
      return score(
        matrix.statements[j].id,
        na,
        nd,
        ns,
        totalA[j] - na,
        totalD[j] - nd,
        totalS[j] - ns,
        forceAgree,
      );
    };
    let fallback = -1;
    let fallbackMetric = -Infinity;
    for (let j = 0; j < nCols; j++) {
      if (matrix.excluded[j] || counts.seen[g * nCols + j] === 0) continue;
      const s = scoreOf(j);
      scored.push(s);
      if (s.agreeMetric > fallbackMetric) [fallback, fallbackMetric] = [j, s.agreeMetric];
    }
    const qualifiers = scored.filter((s) => s.qualifies).sort((a, b) => b.metric - a.metric);
    if (qualifiers.length === 0) {
      result.push(fallback >= 0 ? [strip(scoreOf(fallback, true))] : []);
      continue;
    }
    const bestAgree = qualifiers.find((s) => s.direction === 'agree');
    const ordered = bestAgree
      ? [bestAgree, ...qualifiers.filter((s) => s !== bestAgree)]
      : qualifiers;
    result.push(ordered.slice(0, MAX_REPRESENTATIVE).map(strip));
  }
  return result;
}
