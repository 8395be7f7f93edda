/**
 * Mean silhouette of a clustering of 2-D points, each point counted once:
 *   s(i) = (b(i) - a(i)) / max(a(i), b(i)),
 * a(i) = mean distance to the other members of its cluster, b(i) = the smallest mean distance to
 * another cluster. A point alone in its cluster scores 0, as does a point where a = b = 0.
 * Always within [-1, 1]; 0 when there are fewer than two clusters. O(n^2), meant for the
 * (at most 100) base-cluster centres; pass `distances` (from `pairwiseDistances`) when scoring
 * several clusterings of the same points.
 */
export function meanSilhouette(
  xs: Float64Array,
  ys: Float64Array,
  assignment: Int32Array,
  k: number,
  distances: Float64Array = pairwiseDistances(xs, ys),
): number {
  const n = xs.length;
  if (k < 2 || n === 0) return 0;
  const size = new Int32Array(k);
  for (let i = 0; i < n; i++) size[assignment[i]]++;
  const distanceSum = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = assignment[i];
    if (size[own] < 2) continue;
    distanceSum.fill(0);
    const row = i * n;
    for (let o = 0; o < n; o++) {
      if (o !== i) distanceSum[assignment[o]] += distances[row + o];
    }
    const a = distanceSum[own] / (size[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++)
      if (c !== own && size[c] > 0) b = Math.min(b, distanceSum[c] / size[c]);
    const denominator = Math.max(a, b);
    if (b !== Infinity && denominator > 0) total += (b - a) / denominator;
  }
  return total / n;
}

/** Euclidean distances between every pair of points, row-major n x n (computed once, used by every k). */
export function pairwiseDistances(xs: Float64Array, ys: Float64Array): Float64Array {
  const n = xs.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let o = i + 1; o < n; o++)
      d[i * n + o] = d[o * n + i] = Math.hypot(xs[i] - xs[o], ys[i] - ys[o]);
  }
  return d;
}
