import { describe, expect, it } from 'vitest';
import { convexHull, fitScale, spreadLabels, type Point } from './geometry.ts';

describe('convexHull', () => {
  it('keeps the corners of a square and drops the inside and edge points', () => {
    const pts: Point[] = [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [1, 1],
      [1, 0],
      [0.5, 1.5],
    ];
    const hull = convexHull(pts);
    expect(hull).toHaveLength(4);
    expect(new Set(hull.map((p) => p.join(',')))).toEqual(new Set(['0,0', '2,0', '2,2', '0,2']));
  });
  it('contains every input point (all cross products non-negative, counter-clockwise)', () => {
    const pts: Point[] = Array.from({ length: 50 }, (_, i) => [
      Math.cos(i * 1.7) * (i % 7),
      Math.sin(i * 2.3) * (i % 5),
    ]);
    const hull = convexHull(pts);
    for (const p of pts) {
      for (let i = 0; i < hull.length; i++) {
        const a = hull[i];
        const b = hull[(i + 1) % hull.length];
        expect(
          (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]),
        ).toBeGreaterThanOrEqual(-1e-9);
      }
    }
  });
  it('returns one or two distinct points as they are', () => {
    expect(
      convexHull([
        [1, 1],
        [1, 1],
      ]),
    ).toEqual([[1, 1]]);
    expect(
      convexHull([
        [0, 0],
        [3, 4],
      ]),
    ).toHaveLength(2);
  });
});

describe('fitScale', () => {
  it('maps the bounding box inside the padded square, y pointing up', () => {
    const scale = fitScale(
      [
        [-1, -1],
        [1, 1],
      ],
      200,
      20,
    );
    expect(scale([-1, -1])).toEqual([20, 180]);
    expect(scale([1, 1])).toEqual([180, 20]);
  });
});

describe('stackPoints', () => {
  it('merges participants at the same place and group, keeping their number', async () => {
    const { stackPoints } = await import('./geometry.ts');
    const stacks = stackPoints([
      { x: 1, y: 1, group: 0 },
      { x: 1, y: 1, group: 0 },
      { x: 1, y: 1, group: 1 },
      { x: 2, y: 0, group: 0 },
    ]);
    expect(stacks).toEqual([
      { x: 1, y: 1, group: 0, count: 2 },
      { x: 1, y: 1, group: 1, count: 1 },
      { x: 2, y: 0, group: 0, count: 1 },
    ]);
  });
});

describe('spreadLabels', () => {
  const overlaps = (a: Point, b: Point) => Math.abs(a[0] - b[0]) < 22 && Math.abs(a[1] - b[1]) < 18;
  it('leaves labels that do not touch where they are', () => {
    const anchors: Point[] = [
      [50, 50],
      [150, 50],
      [50, 150],
    ];
    expect(spreadLabels(anchors, 22, 18, 400)).toEqual(anchors);
  });
  it('moves labels that sit on one spot apart, near the spot and inside the square', () => {
    const anchors: Point[] = Array.from({ length: 6 }, () => [200, 200] as Point);
    const spots = spreadLabels(anchors, 22, 18, 400);
    for (let i = 0; i < spots.length; i++) {
      for (let j = i + 1; j < spots.length; j++) expect(overlaps(spots[i], spots[j])).toBe(false);
      expect(Math.hypot(spots[i][0] - 200, spots[i][1] - 200)).toBeLessThan(60);
    }
    const corner = spreadLabels(
      [
        [0, 0],
        [0, 0],
      ],
      22,
      18,
      400,
    );
    for (const [x, y] of corner) expect(x >= 11 && y >= 9).toBe(true);
    expect(overlaps(corner[0], corner[1])).toBe(false);
  });
});
