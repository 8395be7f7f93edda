import type { AnalysisResult } from '../types.ts';

export interface Region {
  group: number;
  size: number;
  centre: [number, number];
  radii: [number, number];
  angle: number;
}

export interface CoarseMap {
  regions: Region[];
  statements: { statementId: string; x: number; y: number }[];
  notShown: number;
}

/** Positions are rounded to this step on axes scaled to [-1, 1]: far coarser than a ballot needs. */
export const MAP_STEP = 0.05;
const snap = (v: number) => Math.round(v / MAP_STEP) * MAP_STEP;
const round = (v: number) => Number(snap(v).toFixed(2));

/**
 * The opinion map as released: each group of at least k members as an ellipse (its members'
 * centre and two standard deviations along the principal directions of their spread), statements
 * at positions rounded to a coarse grid. No participant's point leaves: solving ballots from
 * points, as from exact statement positions, is what docs/confidentiality.md rules out.
 */
export function coarseMap(
  result: AnalysisResult,
  k: number,
  shown: ReadonlySet<string>,
): CoarseMap {
  const { participants: p } = result;
  const index = new Map(p.ids.map((id, i) => [id, i]));
  const raw = result.groups.map((g) => {
    const rows = g.members.map((m) => index.get(m)!).filter((i) => i !== undefined);
    return { group: g.id, size: rows.length, ...ellipse(rows.map((i) => [p.x[i], p.y[i]])) };
  });
  const drawn = raw.filter((r) => r.size >= k);
  const s = result.statements;
  const statements = s.ids
    .map((id, j) => ({ statementId: id, x: s.x[j], y: s.y[j] }))
    .filter((st) => shown.has(st.statementId));
  // One scale for both axes, so distances keep their meaning; from what is drawn only.
  const extent = Math.max(
    1e-9,
    ...drawn.flatMap((r) => [
      Math.abs(r.centre[0]) + r.radii[0],
      Math.abs(r.centre[1]) + r.radii[0],
    ]),
    ...statements.flatMap((st) => [Math.abs(st.x), Math.abs(st.y)]),
  );
  const scale = (v: number) => round(v / extent);
  return {
    regions: drawn.map((r) => ({
      group: r.group,
      size: r.size,
      centre: [scale(r.centre[0]), scale(r.centre[1])],
      radii: [Math.max(MAP_STEP, scale(r.radii[0])), Math.max(MAP_STEP, scale(r.radii[1]))],
      angle: Number((Math.round((r.angle / Math.PI) * 12) * (Math.PI / 12)).toFixed(4)),
    })),
    statements: statements.map((st) => ({
      statementId: st.statementId,
      x: scale(st.x),
      y: scale(st.y),
    })),
    notShown: raw.length - drawn.length,
  };
}

/** Centre and two-sigma radii along the eigenvectors of the points' covariance. */
function ellipse(points: number[][]): Omit<Region, 'group' | 'size'> {
  const n = Math.max(1, points.length);
  const cx = points.reduce((s, q) => s + q[0], 0) / n;
  const cy = points.reduce((s, q) => s + q[1], 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    sxx += (x - cx) ** 2;
    syy += (y - cy) ** 2;
    sxy += (x - cx) * (y - cy);
  }
  [sxx, syy, sxy] = [sxx / n, syy / n, sxy / n];
  const mean = (sxx + syy) / 2;
  const spread = Math.sqrt(((sxx - syy) / 2) ** 2 + sxy ** 2);
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const sd = (v: number) => 2 * Math.sqrt(Math.max(0, v));
  return { centre: [cx, cy], radii: [sd(mean + spread), sd(mean - spread)], angle };
}
