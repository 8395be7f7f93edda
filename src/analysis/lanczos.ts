/** Largest eigenpairs of a symmetric positive semi-definite operator by the Lanczos method. */

/** Eigen-decomposition of a small dense symmetric matrix (row-major m x m) by cyclic Jacobi rotations. */
export function symmetricEigen(matrix: Float64Array, m: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(m * m);
  for (let i = 0; i < m; i++) v[i * m + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) off += a[p * m + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = a[p * m + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * m + q] - a[p * m + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < m; r++) {
          const arp = a[r * m + p];
          const arq = a[r * m + q];
          a[r * m + p] = c * arp - s * arq;
          a[r * m + q] = s * arp + c * arq;
        }
        for (let r = 0; r < m; r++) {
          const apr = a[p * m + r];
          const aqr = a[q * m + r];
          a[p * m + r] = c * apr - s * aqr;
          a[q * m + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < m; r++) {
          const vrp = v[r * m + p];
          const vrq = v[r * m + q];
          v[r * m + p] = c * vrp - s * vrq;
          v[r * m + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: m }, (_, i) => a[i * m + i]), vectors: v };
}

export interface LanczosResult {
  /** The top `count` eigenvectors (unit length, orthogonal); fewer if the operator's range is smaller. */
  readonly vectors: Float64Array[];
  readonly values: number[];
  readonly steps: number;
}

/**
 * Top eigenpairs of the operator `apply` (y = A x, A symmetric PSD of size n) from the Krylov
 * space of `start`, with full re-orthogonalisation (n is the statement count, so keeping the
 * basis is cheap). Stops when the Ritz residual ||A y - theta y|| of each wanted pair is below
 * `tolerance * theta_1`, when the Krylov space becomes invariant, or after `maxSteps` steps.
 * The wanted eigenvectors are the same ones power iteration converges to, in far fewer products.
 */
export function lanczosTop(
  apply: (x: Float64Array, y: Float64Array) => void,
  start: Float64Array,
  count: number,
  maxSteps: number,
  tolerance: number,
): LanczosResult {
  const n = start.length;
  const basis: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let q = Float64Array.from(start);
  let length = Math.sqrt(dot(q, q));
  if (length === 0) return { vectors: [], values: [], steps: 0 };
  scale(q, 1 / length);
  const w = new Float64Array(n);
  let ritz = { values: new Float64Array(0), vectors: new Float64Array(0), m: 0 };
  for (let step = 0; step < Math.min(maxSteps, n); step++) {
    basis.push(q);
    apply(q, w);
    alpha.push(dot(w, q));
    for (let pass = 0; pass < 2; pass++) for (const b of basis) axpy(w, b, -dot(w, b));
    length = Math.sqrt(dot(w, w));
    beta.push(length);
    const m = basis.length;
    const last = step + 1 >= Math.min(maxSteps, n);
    const invariant = length <= 1e-13 * Math.abs(alpha[0]) || length === 0;
    // The small eigenproblem costs O(m^3): solve it every few steps, and whenever we must stop.
    if (!last && !invariant && m % 4 !== 0) {
      q = Float64Array.from(w);
      scale(q, 1 / length);
      continue;
    }
    ritz = { ...tridiagonalEigen(alpha, beta, m), m };
    const top = Math.max(ritz.values[0], 0);
    const wanted = Math.min(count, m);
    let converged = true;
    for (let r = 0; r < wanted; r++) if (length * Math.abs(ritz.vectors[(m - 1) * m + r]) > tolerance * top) converged = false;
    if (converged || invariant || length <= 1e-13 * top || top === 0) break;
    q = Float64Array.from(w);
    scale(q, 1 / length);
  }
  const m = ritz.m;
  const vectors: Float64Array[] = [];
  const values: number[] = [];
  for (let r = 0; r < Math.min(count, m); r++) {
    if (ritz.values[r] <= 0) break;
    const y = new Float64Array(n);
    for (let i = 0; i < m; i++) axpy(y, basis[i], ritz.vectors[i * m + r]);
    scale(y, 1 / Math.sqrt(dot(y, y)));
    vectors.push(y);
    values.push(ritz.values[r]);
  }
  return { vectors, values, steps: basis.length };
}

/** Eigenpairs of the Lanczos tridiagonal matrix T_m, sorted by decreasing eigenvalue (columns of `vectors`). */
function tridiagonalEigen(alpha: number[], beta: number[], m: number) {
  const t = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    t[i * m + i] = alpha[i];
    if (i + 1 < m) t[i * m + i + 1] = t[(i + 1) * m + i] = beta[i];
  }
  const { values, vectors } = symmetricEigen(t, m);
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
  const sortedValues = Float64Array.from(order, (i) => values[i]);
  const sortedVectors = new Float64Array(m * m);
  for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) sortedVectors[r * m + c] = vectors[r * m + order[c]];
  return { values: sortedValues, vectors: sortedVectors };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(y: Float64Array, x: Float64Array, a: number): void {
  for (let i = 0; i < y.length; i++) y[i] += a * x[i];
}

function scale(x: Float64Array, a: number): void {
  for (let i = 0; i < x.length; i++) x[i] *= a;
}
