/**
 * Adjusted Rand index between two labelings of the same items (Hubert & Arabie):
 *   ARI = (sum_ij C(n_ij, 2) - E) / (1/2 (sum_i C(a_i, 2) + sum_j C(b_j, 2)) - E),
 *   E = sum_i C(a_i, 2) * sum_j C(b_j, 2) / C(n, 2),
 * from the contingency table n_ij. 1 for identical partitions (up to renaming), about 0 for
 * chance agreement. Two single-cluster labelings, or fewer than two items, count as identical (1).
 */
export function adjustedRandIndex(
  a: readonly (string | number)[],
  b: readonly (string | number)[],
): number {
  if (a.length !== b.length) throw new RangeError('labelings differ in length');
  const n = a.length;
  if (n < 2) return 1;
  const pairs = (m: number) => (m * (m - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${String(a[i])}\u0000${String(b[i])}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  }
  let index = 0;
  for (const count of table.values()) index += pairs(count);
  let rowSum = 0;
  for (const count of rows.values()) rowSum += pairs(count);
  let colSum = 0;
  for (const count of cols.values()) colSum += pairs(count);
  const expected = (rowSum * colSum) / pairs(n);
  const maximum = (rowSum + colSum) / 2;
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
