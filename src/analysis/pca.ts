import { lanczosTop } from './lanczos.ts';
import type { PcaResult, VoteMatrix } from './types.ts';

/** Lanczos limits, in one place: at most this many products with C^T C... */
export const PCA_MAX_STEPS = 100;
/** ...stopping once each Ritz residual is below this fraction of the top eigenvalue. */
export const PCA_TOLERANCE = 1e-10;

/** A small seeded PRNG (mulberry32): deterministic start vectors. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Per-statement vote counts, as `columnCounts` gives them. */
export interface VoteCounts {
  readonly agrees: Int32Array;
  readonly disagrees: Int32Array;
  readonly seen: Int32Array;
}

/**
 * Column means over the votes actually cast (passes count as 0): (agrees - disagrees) / seen.
 * Filling every missing cell with its column mean and then centring makes the missing cells
 * exactly 0, so the centred matrix C has the sparsity pattern of the votes: C_ij = v_ij - mean_j
 * where i voted on j. Excluded (moderated-out, meta) columns are 0 for everyone.
 */
export function columnMeans(matrix: VoteMatrix, counts: VoteCounts): Float64Array {
  const nCols = matrix.statements.length;
  const mean = new Float64Array(nCols);
  for (let j = 0; j < nCols; j++) {
    mean[j] =
      matrix.excluded[j] || counts.seen[j] === 0
        ? 0
        : (counts.agrees[j] - counts.disagrees[j]) / counts.seen[j];
  }
  return mean;
}

/**
 * y = C^T (C x) in one pass over the rows, without ever building C: for each row,
 * s = <c_i, x>, then y += s * c_i, with c_ij = v_ij - mean_j computed on the fly from the Int8
 * votes (a quarter of the bytes of a Float64 copy of C). x must be 0 on excluded columns; y is
 * zeroed there afterwards, so excluded columns behave as the zero columns they are. Cost O(2 nnz).
 */
function gramTimes(matrix: VoteMatrix, mean: Float64Array, x: Float64Array, y: Float64Array): void {
  y.fill(0);
  const { rowStart, statementIndex, value, excluded } = matrix;
  const rows = matrix.participants.length;
  let start = rowStart[0];
  for (let i = 0; i < rows; i++) {
    const end = rowStart[i + 1];
    let s = 0;
    for (let p = start; p < end; p++) {
      const j = statementIndex[p];
      s += (value[p] - mean[j]) * x[j];
    }
    if (s !== 0) {
      for (let p = start; p < end; p++) {
        const j = statementIndex[p];
        y[j] += (value[p] - mean[j]) * s;
      }
    }
    start = end;
  }
  for (let j = 0; j < y.length; j++) if (excluded[j]) y[j] = 0;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
}

/** Scales to unit length in place; returns the length it had (0 leaves the vector untouched). */
function normalise(a: Float64Array): number {
  const length = Math.sqrt(dot(a, a));
  if (length > 0) for (let j = 0; j < a.length; j++) a[j] /= length;
  return length;
}

/** a -= <a, b> b, for unit b (Gram-Schmidt). */
function removeComponent(a: Float64Array, b: Float64Array): void {
  const d = dot(a, b);
  for (let j = 0; j < a.length; j++) a[j] -= d * b[j];
}

/** Warm: the previous component re-aligned to the current statements (new ones at 0). Cold: seeded random. */
function startVector(
  nCols: number,
  active: Uint8Array,
  random: () => number,
  previous?: readonly number[],
): Float64Array {
  const v = new Float64Array(nCols);
  for (let j = 0; j < nCols; j++) {
    if (active[j]) v[j] = previous ? (previous[j] ?? 0) : random() - 0.5;
  }
  return v;
}

/** Flips v so its largest-magnitude entry is positive (or so it points like `previous`): a stable sign. */
function fixSign(v: Float64Array, previous?: readonly number[]): void {
  let reference = 0;
  if (previous && previous.length === v.length) {
    for (let j = 0; j < v.length; j++) reference += v[j] * previous[j];
  }
  if (reference === 0) {
    let best = 0;
    for (let j = 0; j < v.length; j++) if (Math.abs(v[j]) > Math.abs(best) + 1e-12) best = v[j];
    reference = best;
  }
  if (reference < 0) for (let j = 0; j < v.length; j++) v[j] = -v[j] || 0; // `|| 0` avoids -0
}

/**
 * The top two principal axes of C: the two leading eigenvectors of C^T C (the directions of
 * largest variance of the centred votes). Polis finds them by power iteration; we compute the
 * same eigenvectors with Lanczos over the Krylov space of a start vector, using C^T C x = C^T (C x)
 * on the sparse rows. Cold runs start from a seeded random vector; warm runs from the previous
 * pc1 + pc2, so on unchanged data the space is invariant after two products. Signs are fixed
 * deterministically. Zero variance yields zero components and zero variances; rank-one data a
 * second axis orthogonal to the first with zero variance.
 */
export function principalComponents(
  matrix: VoteMatrix,
  center: Float64Array,
  counts: VoteCounts,
  options: { seed?: number; previous?: readonly [readonly number[], readonly number[]] } = {},
): PcaResult {
  const nCols = matrix.statements.length;
  // Only columns that are voted on and not excluded can carry variance; the rest stay exactly 0.
  const active = new Uint8Array(nCols);
  for (let j = 0; j < nCols; j++) active[j] = counts.seen[j] > 0 && !matrix.excluded[j] ? 1 : 0;
  const random = seededRandom(options.seed ?? 1);
  const start = startVector(nCols, active, random, options.previous?.[0]);
  if (options.previous) {
    const second = startVector(nCols, active, random, options.previous[1]);
    for (let j = 0; j < nCols; j++) start[j] += 0.5 * second[j];
  }
  const found = lanczosTop(
    (x, y) => gramTimes(matrix, center, x, y),
    start,
    2,
    PCA_MAX_STEPS,
    PCA_TOLERANCE,
  );
  const v1 = found.vectors[0] ?? new Float64Array(nCols);
  let v2 = found.vectors[1];
  if (!v2) v2 = found.vectors[0] ? orthogonalFallback(v1, active) : new Float64Array(nCols);
  fixSign(v1, options.previous?.[0]);
  fixSign(v2, options.previous?.[1]);
  const rows = Math.max(matrix.participants.length, 1);
  return {
    components: [Array.from(v1), Array.from(v2)],
    center: Array.from(center),
    variances: [(found.values[0] ?? 0) / rows, (found.values[1] ?? 0) / rows],
    iterations: found.steps,
  };
}

/** A unit vector orthogonal to `w` on the active columns, for rank-one data where no second axis exists. */
function orthogonalFallback(w: Float64Array, active: Uint8Array): Float64Array {
  const v = new Float64Array(w.length);
  for (let j = 0; j < v.length; j++) if (active[j]) v[j] = 1;
  for (let attempt = 0; attempt < v.length; attempt++) {
    removeComponent(v, w);
    if (normalise(v) > 1e-9) return v;
    v.fill(0);
    v[attempt] = active[attempt];
  }
  return v.fill(0);
}
