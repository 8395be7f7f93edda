/** Largest eigenpairs of a symmetric positive semi-definite operator by the Lanczos method. */

/** Eigen-decomposition of a small dense symmetric matrix (row-major m x m) by cyclic Jacobi rotations. */
export function symmetricEigen(
  matrix: Float64Array,
  m: number,
): { values: Float64Array; vectors: Float64Array } {
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
    // The small eigenproblem is cheap next to a product with the operator: check every step while
    // m is small, every fourth step beyond (its cost grows as m^3), and whenever we must stop.
    if (!last && !invariant && m > 24 && m % 4 !== 0) {
      q = Float64Array.from(w);
      scale(q, 1 / length);
      continue;
    }
    ritz = { ...tridiagonalEigen(alpha, beta, m), m };
    const top = Math.max(ritz.values[0], 0);
    const wanted = Math.min(count, m);
    let converged = true;
    for (let r = 0; r < wanted; r++)
      if (length * Math.abs(ritz.vectors[(m - 1) * m + r]) > tolerance * top) converged = false;
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

/**
 * Eigenpairs of the Lanczos tridiagonal matrix T_m (diagonal `alpha`, off-diagonal `beta`),
 * sorted by decreasing eigenvalue (columns of `vectors`, row-major m x m), by the implicit QL
 * method with Wilkinson shifts (the classic tql2 algorithm): O(m^2) per eigenvalue, so solving
 * it after every Lanczos step costs far less than one product with the operator.
 */
function tridiagonalEigen(alpha: number[], beta: number[], m: number) {
  const d = Float64Array.from(alpha.slice(0, m));
  const e = new Float64Array(m);
  for (let i = 0; i + 1 < m; i++) e[i] = beta[i];
  const z = new Float64Array(m * m);
  for (let i = 0; i < m; i++) z[i * m + i] = 1;
  const eps = 2 ** -52;
  let f = 0;
  let tst1 = 0;
  for (let l = 0; l < m; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let n = l;
    while (n < m - 1 && Math.abs(e[n]) > eps * tst1) n++;
    if (n > l) {
      for (let iteration = 0; iteration < 60; iteration++) {
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < m; i++) d[i] -= h;
        f += h;
        p = d[n];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = n - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          for (let k = 0; k < m; k++) {
            const zk = k * m;
            h = z[zk + i + 1];
            z[zk + i + 1] = s * z[zk + i] + c * h;
            z[zk + i] = c * z[zk + i] - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
        if (!(Math.abs(e[l]) > eps * tst1)) break;
      }
    }
    d[l] += f;
    e[l] = 0;
  }
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => d[b] - d[a] || a - b);
  const sortedValues = Float64Array.from(order, (i) => d[i]);
  const sortedVectors = new Float64Array(m * m);
  for (let r = 0; r < m; r++)
    for (let c = 0; c < m; c++) sortedVectors[r * m + c] = z[r * m + order[c]];
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
