/** 2-D k-means on typed arrays. Centres are interleaved [x0, y0, x1, y1, ...]. */

export interface KMeansResult {
  /** Final centres of the non-empty clusters, interleaved x, y. */
  readonly centres: Float64Array;
  /** Cluster of each point, indexing the non-empty clusters. */
  readonly assignment: Int32Array;
  /** Total weight of each cluster. */
  readonly weights: Float64Array;
  readonly iterations: number;
}

export interface KMeansOptions {
  readonly maxIterations: number;
  /** Stop once every centre moves less than this. */
  readonly tolerance: number;
}

/** The first k distinct points in input order (Polis's base-cluster initialisation). */
export function firstDistinctPoints(xs: Float64Array, ys: Float64Array, k: number): Float64Array {
  const seen = new Set<string>();
  const centres: number[] = [];
  for (let i = 0; i < xs.length && seen.size < k; i++) {
    const key = `${xs[i]},${ys[i]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    centres.push(xs[i], ys[i]);
  }
  return Float64Array.from(centres);
}

/** Deterministic farthest-point initialisation: start at the heaviest point, then repeatedly add the point farthest from all chosen. */
export function farthestPoints(
  xs: Float64Array,
  ys: Float64Array,
  weights: Float64Array,
  k: number,
): Float64Array {
  const n = xs.length;
  if (n === 0) return new Float64Array(0);
  let first = 0;
  for (let i = 1; i < n; i++) if (weights[i] > weights[first]) first = i;
  const centres = [xs[first], ys[first]];
  const nearest = new Float64Array(n).fill(Infinity);
  let last = first;
  while (centres.length / 2 < Math.min(k, n)) {
    let far = -1;
    let farDistance = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i], (xs[i] - xs[last]) ** 2 + (ys[i] - ys[last]) ** 2);
      if (nearest[i] > farDistance) {
        farDistance = nearest[i];
        far = i;
      }
    }
    if (far < 0) break;
    centres.push(xs[far], ys[far]);
    last = far;
  }
  return Float64Array.from(centres);
}

/**
 * Nearest and second-nearest centre by a sweep over centres sorted by x: a centre whose x gap
 * alone exceeds the second-best distance cannot matter, so most of the k centres are skipped.
 */
class CentreIndex {
  /** Centres sorted by x (ties by index): their x, y and original index side by side, no indirection in the sweep. */
  private readonly sortedX: Float64Array;
  private readonly sortedY: Float64Array;
  private readonly sortedId: Int32Array;
  /** Position of each centre in the x order: where a search for a point near that centre starts. */
  readonly rankOf: Int32Array;
  nearest = -1;
  nearestSq = Infinity;
  secondSq = Infinity;

  constructor(centres: Float64Array) {
    const k = centres.length / 2;
    const order = Int32Array.from({ length: k }, (_, c) => c).sort(
      (a, b) => centres[2 * a] - centres[2 * b] || a - b,
    );
    this.sortedId = order;
    this.sortedX = Float64Array.from(order, (c) => centres[2 * c]);
    this.sortedY = Float64Array.from(order, (c) => centres[2 * c + 1]);
    this.rankOf = new Int32Array(k);
    order.forEach((c, rank) => (this.rankOf[c] = rank));
  }

  /**
   * Nearest and second-nearest centre of (px, py). `from` is a position in the x order to start
   * from (the rank of a nearby centre): walking to the first centre with x >= px from there takes
   * a step or two, where a binary search takes log k unpredictable branches. Same answer either way.
   */
  find(px: number, py: number, from = -1): void {
    const { sortedX, sortedY, sortedId } = this;
    const k = sortedX.length;
    let lo = 0;
    if (from >= 0) {
      lo = from;
      while (lo > 0 && sortedX[lo - 1] >= px) lo--;
      while (lo < k && sortedX[lo] < px) lo++;
    } else {
      let hi = k;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sortedX[mid] < px) lo = mid + 1;
        else hi = mid;
      }
    }
    let best = -1;
    let bestSq = Infinity;
    let secondSq = Infinity;
    let left = lo - 1;
    let right = lo;
    let dxLeft = left >= 0 ? px - sortedX[left] : Infinity;
    let dxRight = right < k ? sortedX[right] - px : Infinity;
    for (;;) {
      let s: number;
      let dx: number;
      if (dxRight < dxLeft) {
        dx = dxRight;
        s = right++;
        dxRight = right < k ? sortedX[right] - px : Infinity;
      } else {
        dx = dxLeft;
        if (dx === Infinity) break;
        s = left--;
        dxLeft = left >= 0 ? px - sortedX[left] : Infinity;
      }
      const dx2 = dx * dx;
      if (dx2 > secondSq) break;
      const dy = py - sortedY[s];
      const d = dx2 + dy * dy;
      if (d <= secondSq) {
        // (Same outcome as testing best first: ties in distance go to the lower centre index.)
        const c = sortedId[s];
        if (d < bestSq || (d === bestSq && c < best)) {
          secondSq = bestSq;
          bestSq = d;
          best = c;
        } else secondSq = d;
      }
    }
    this.nearest = best;
    this.nearestSq = bestSq;
    this.secondSq = secondSq;
  }
}

/**
 * Weighted Lloyd k-means, accelerated with Hamerly's bounds (each point keeps an upper bound on
 * the distance to its centre and a lower bound on the distance to any other, so settled points
 * skip the search) and an x-sorted sweep for the points that do search. Stops when every centre
 * moves less than `tolerance`, at a fixed point, or after `maxIterations`. On return the
 * assignment is the nearest-centre assignment of the returned centres, so a warm start from those
 * centres reproduces it. Empty clusters keep their centre while iterating and are dropped.
 */
export function kmeans2d(
  xs: Float64Array,
  ys: Float64Array,
  weights: Float64Array | undefined,
  initial: Float64Array,
  options: KMeansOptions,
): KMeansResult {
  const n = xs.length;
  const k = initial.length / 2;
  const centres = Float64Array.from(initial);
  const assignment = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const halfGap = new Float64Array(k);
  const moved = new Float64Array(k);
  const sumX = new Float64Array(k);
  const sumY = new Float64Array(k);
  const total = new Float64Array(k);

  const assignAll = (index: CentreIndex, i: number, near = -1) => {
    index.find(xs[i], ys[i], near);
    assignment[i] = index.nearest;
    upper[i] = Math.sqrt(index.nearestSq);
    lower[i] = Math.sqrt(index.secondSq);
  };
  if (k > 0) {
    const index = new CentreIndex(centres);
    for (let i = 0; i < n; i++) assignAll(index, i);
  }
  let iterations = 0;
  while (k > 0 && iterations < options.maxIterations) {
    iterations++;
    sumX.fill(0);
    sumY.fill(0);
    total.fill(0);
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i] : 1;
      const c = assignment[i];
      sumX[c] += w * xs[i];
      sumY[c] += w * ys[i];
      total[c] += w;
    }
    let largest = 0;
    let largestAt = -1;
    let secondLargest = 0;
    for (let c = 0; c < k; c++) {
      moved[c] =
        total[c] === 0
          ? 0
          : Math.sqrt(
              (sumX[c] / total[c] - centres[2 * c]) ** 2 +
                (sumY[c] / total[c] - centres[2 * c + 1]) ** 2,
            );
      if (moved[c] > largest) {
        secondLargest = largest;
        largest = moved[c];
        largestAt = c;
      } else if (moved[c] > secondLargest) secondLargest = moved[c];
    }
    // Converged: keep the centres the assignment was made from.
    if (largest < options.tolerance) break;
    for (let c = 0; c < k; c++) {
      if (total[c] === 0) continue;
      centres[2 * c] = sumX[c] / total[c];
      centres[2 * c + 1] = sumY[c] / total[c];
    }
    const index = new CentreIndex(centres);
    for (let c = 0; c < k; c++) {
      index.find(centres[2 * c], centres[2 * c + 1]);
      halfGap[c] = Math.sqrt(index.secondSq) / 2;
    }
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const a = assignment[i];
      upper[i] += moved[a];
      lower[i] -= a === largestAt ? secondLargest : largest;
      const bound = Math.max(halfGap[a], lower[i]);
      if (upper[i] <= bound) continue;
      upper[i] = Math.sqrt((xs[i] - centres[2 * a]) ** 2 + (ys[i] - centres[2 * a + 1]) ** 2);
      if (upper[i] <= bound) continue;
      assignAll(index, i, index.rankOf[a]);
      if (assignment[i] !== a) changed++;
    }
    if (changed === 0) break;
  }
  return dropEmpty(xs, assignment, weights, centres, k, iterations);
}

function dropEmpty(
  xs: Float64Array,
  assignment: Int32Array,
  weights: Float64Array | undefined,
  centres: Float64Array,
  k: number,
  iterations: number,
): KMeansResult {
  const total = new Float64Array(k);
  const count = new Int32Array(k);
  for (let i = 0; i < xs.length; i++) {
    total[assignment[i]] += weights ? weights[i] : 1;
    count[assignment[i]]++;
  }
  const renumber = new Int32Array(k).fill(-1);
  let kept = 0;
  for (let c = 0; c < k; c++) if (count[c] > 0) renumber[c] = kept++;
  const keptCentres = new Float64Array(2 * kept);
  const keptWeights = new Float64Array(kept);
  for (let c = 0; c < k; c++) {
    const r = renumber[c];
    if (r < 0) continue;
    keptCentres[2 * r] = centres[2 * c];
    keptCentres[2 * r + 1] = centres[2 * c + 1];
    keptWeights[r] = total[c];
  }
  for (let i = 0; i < xs.length; i++) assignment[i] = renumber[assignment[i]];
  return { centres: keptCentres, assignment, weights: keptWeights, iterations };
}

/** Weighted within-cluster sum of squared distances (lower is a tighter fit). */
export function inertia(
  xs: Float64Array,
  ys: Float64Array,
  weights: Float64Array | undefined,
  result: KMeansResult,
): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const c = result.assignment[i];
    s +=
      (weights ? weights[i] : 1) *
      ((xs[i] - result.centres[2 * c]) ** 2 + (ys[i] - result.centres[2 * c + 1]) ** 2);
  }
  return s;
}
