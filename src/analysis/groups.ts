import {
  farthestPoints,
  firstDistinctPoints,
  inertia,
  kmeans2d,
  type KMeansResult,
} from './kmeans.ts';
import { meanSilhouette } from './silhouette.ts';
import type { VoteMatrix } from './types.ts';

/** Polis's clustering constants, in one place. */
export const MIN_VOTES_IN_CONV = 7;
export const MIN_IN_CONV = 15;
export const BASE_CLUSTERS = 100;
export const MAX_GROUPS = 5;
/** Polis's base-cluster limits; groups (at most 100 points) run to a fixed point. */
const BASE_KMEANS = { maxIterations: 100, tolerance: 0.01 };
const GROUP_KMEANS = { maxIterations: 100, tolerance: 1e-9 };

/**
 * Who is clustered: participants with at least min(7, statements) votes (passes count); if fewer
 * than 15 qualify, the most active remaining voters (ties by input order) are added up to 15.
 */
export function selectInConv(matrix: VoteMatrix): Uint8Array {
  const rows = matrix.participants.length;
  const threshold = Math.min(MIN_VOTES_IN_CONV, matrix.statements.length);
  const inConv = new Uint8Array(rows);
  let count = 0;
  const others: number[] = [];
  for (let i = 0; i < rows; i++) {
    const votes = matrix.rowStart[i + 1] - matrix.rowStart[i];
    if (votes > 0 && votes >= threshold) {
      inConv[i] = 1;
      count++;
    } else if (votes > 0) others.push(i);
  }
  if (count < MIN_IN_CONV) {
    const votesOf = (i: number) => matrix.rowStart[i + 1] - matrix.rowStart[i];
    others.sort((a, b) => votesOf(b) - votesOf(a) || a - b);
    for (const i of others.slice(0, MIN_IN_CONV - count)) inConv[i] = 1;
  }
  return inConv;
}

/**
 * Base clusters: k-means with k = 100 on the clustered participants' positions, started from the
 * first 100 distinct points (or, warm, from the previous centres, topped up with new distinct
 * points only when more participants are clustered than before). Empty clusters are dropped.
 */
export function clusterBase(
  xs: Float64Array,
  ys: Float64Array,
  previous?: { centres: readonly (readonly number[])[]; inConv: number },
): KMeansResult {
  let initial = firstDistinctPoints(xs, ys, BASE_CLUSTERS);
  if (previous && previous.centres.length > 0) {
    const warm = previous.centres.flatMap(([x, y]) => [x, y]);
    if (xs.length > previous.inConv) {
      const known = new Set(previous.centres.map(([x, y]) => `${x},${y}`));
      for (let c = 0; c < initial.length / 2 && warm.length < 2 * BASE_CLUSTERS; c++) {
        if (!known.has(`${initial[2 * c]},${initial[2 * c + 1]}`))
          warm.push(initial[2 * c], initial[2 * c + 1]);
      }
    }
    initial = Float64Array.from(warm);
  }
  return kmeans2d(xs, ys, undefined, initial, BASE_KMEANS);
}

/** The candidate group counts: 2 .. min(5, 2 + floor(base clusters / 12)), never more than the base clusters. */
export function candidateGroupCounts(baseCount: number): number[] {
  const top = Math.min(MAX_GROUPS, 2 + Math.floor(baseCount / 12), baseCount);
  const ks: number[] = [];
  for (let k = 2; k <= top; k++) ks.push(k);
  return ks;
}

export interface GroupFit {
  readonly k: number;
  readonly result: KMeansResult;
  readonly silhouette: number;
}

/**
 * How a cold group fit starts. `first-distinct` is Polis's rule: the first k distinct base-cluster
 * centres in order. `lower-inertia` also tries farthest-point seeding and keeps whichever start
 * ends with the lower weighted within-group sum of squares.
 */
export type GroupStart = 'first-distinct' | 'lower-inertia';
export const DEFAULT_GROUP_START: GroupStart = 'lower-inertia';

/**
 * Size-weighted k-means over the base-cluster centres for one k. Cold: the start rule above.
 * Warm: the previous centres for this k only, so groups stay where they were unless the data move them.
 */
export function fitGroups(
  bx: Float64Array,
  by: Float64Array,
  weights: Float64Array,
  k: number,
  warm?: Float64Array,
  start: GroupStart = DEFAULT_GROUP_START,
  distances?: Float64Array,
): GroupFit {
  const starts = warm
    ? [warm]
    : start === 'first-distinct'
      ? [firstDistinctPoints(bx, by, k)]
      : [firstDistinctPoints(bx, by, k), farthestPoints(bx, by, weights, k)];
  let best: KMeansResult | undefined;
  let bestInertia = Infinity;
  for (const initial of starts) {
    const result = kmeans2d(bx, by, weights, initial, GROUP_KMEANS);
    if (starts.length === 1) {
      best = result;
      break;
    }
    const fit = inertia(bx, by, weights, result);
    if (fit < bestInertia - 1e-12) {
      best = result;
      bestInertia = fit;
    }
  }
  const result = best as KMeansResult;
  return {
    k,
    result,
    silhouette: meanSilhouette(bx, by, result.assignment, result.weights.length, distances),
  };
}

/** State carried between warm runs so k only changes after a new k has won several updates in a row. */
export interface KSelection {
  readonly k: number;
  readonly challenger: number;
  readonly streak: number;
}

/**
 * Picks k: the best silhouette (ties to the smaller k). With a previous selection, a different
 * winner must win `switchAfter` updates in a row before it replaces the current k, as live Polis
 * does, so the groups do not flicker when two k are nearly as good.
 */
export function chooseK(
  fits: readonly GroupFit[],
  previous: KSelection | undefined,
  switchAfter: number,
): KSelection {
  let best = fits[0];
  for (const fit of fits) if (fit.silhouette > best.silhouette + 1e-12) best = fit;
  if (!previous || !fits.some((f) => f.k === previous.k) || best.k === previous.k)
    return { k: best.k, challenger: -1, streak: 0 };
  const streak = previous.challenger === best.k ? previous.streak + 1 : 1;
  if (streak >= switchAfter) return { k: best.k, challenger: -1, streak: 0 };
  return { k: previous.k, challenger: best.k, streak };
}
