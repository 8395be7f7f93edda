export type Point = readonly [number, number];

const cross = (o: Point, a: Point, b: Point) =>
  (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/**
 * The convex hull of points (Andrew's monotone chain), counter-clockwise, without collinear
 * points. One or two distinct points give themselves.
 */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...new Map(points.map((p) => [`${p[0]},${p[1]}`, p])).values()].sort(
    (a, b) => a[0] - b[0] || a[1] - b[1],
  );
  if (sorted.length < 3) return sorted;
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0)
      lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (const p of [...sorted].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0)
      upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** A linear map from the data's bounding box (padded) onto a square of `size` pixels, y pointing up. */
export function fitScale(points: readonly Point[], size: number, padding = 24) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [minX, maxX] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [-1, 1];
  const [minY, maxY] = ys.length ? [Math.min(...ys), Math.max(...ys)] : [-1, 1];
  const span = Math.max(maxX - minX, maxY - minY, 1e-9);
  const k = (size - 2 * padding) / span;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return (p: Point): Point => [size / 2 + (p[0] - cx) * k, size / 2 - (p[1] - cy) * k];
}

/** Points at the same place merged into one, with how many they are (so a stack of dots still shows its size). */
export function stackPoints<T extends { x: number; y: number; group: number }>(
  points: readonly T[],
): Array<{ x: number; y: number; group: number; count: number }> {
  const stacks = new Map<string, { x: number; y: number; group: number; count: number }>();
  for (const p of points) {
    const key = `${p.x.toFixed(6)},${p.y.toFixed(6)},${p.group}`;
    const stack = stacks.get(key);
    if (stack) stack.count++;
    else stacks.set(key, { x: p.x, y: p.y, group: p.group, count: 1 });
  }
  return [...stacks.values()];
}

/**
 * Places boxes of `width` x `height` centred as near their anchors as possible without two
 * overlapping: each box, in order, takes the first free spot on rings of growing radius around its
 * anchor, kept inside a `size` square. Statements that sit close together stay readable.
 */
export function spreadLabels(
  anchors: readonly Point[],
  width: number,
  height: number,
  size: number,
): Point[] {
  const placed: Point[] = [];
  const free = (p: Point) =>
    placed.every((q) => Math.abs(p[0] - q[0]) >= width || Math.abs(p[1] - q[1]) >= height);
  const inside = (p: Point): Point => [
    Math.min(size - width / 2, Math.max(width / 2, p[0])),
    Math.min(size - height / 2, Math.max(height / 2, p[1])),
  ];
  for (const anchor of anchors) {
    let spot = inside(anchor);
    search: for (let ring = 1; !free(spot) && ring <= 40; ring++) {
      const steps = 8 * ring;
      for (let k = 0; k < steps; k++) {
        const angle = (2 * Math.PI * k) / steps;
        const candidate = inside([
          anchor[0] + Math.cos(angle) * ring * width * 0.6,
          anchor[1] + Math.sin(angle) * ring * height * 0.6,
        ]);
        if (free(candidate)) {
          spot = candidate;
          break search;
        }
      }
    }
    placed.push(spot);
  }
  return placed;
}
