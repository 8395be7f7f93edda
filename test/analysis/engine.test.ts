import { describe, expect, it } from 'vitest';
import { plantedConversation, type Shape } from '../../bench/analysis/synthetic.ts';
import { adjustedRandIndex, analyze } from '../../src/analysis/index.ts';
import { firstDistinctPoints, kmeans2d } from '../../src/analysis/kmeans.ts';
import { buildVoteMatrix } from '../../src/analysis/matrix.ts';
import { meanSilhouette } from '../../src/analysis/silhouette.ts';
import { fromGrid, twoCamps } from './helpers.ts';

const shape: Shape = { name: 'test', participants: 400, statements: 80, meanVotes: 60, groups: 3 };
const { table, planted } = plantedConversation(shape, 11);

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((s, x, j) => s + x * b[j], 0);
}

describe('analyze: invariants', () => {
  const result = analyze(table);

  it('has orthonormal principal components', () => {
    const [pc1, pc2] = result.pca.components;
    expect(dot(pc1, pc1)).toBeCloseTo(1, 9);
    expect(dot(pc2, pc2)).toBeCloseTo(1, 9);
    expect(dot(pc1, pc2)).toBeCloseTo(0, 9);
    expect(result.pca.variances[0]).toBeGreaterThanOrEqual(result.pca.variances[1]);
  });

  it('finds the first component as the direction of largest variance (beats random directions)', () => {
    const matrix = buildVoteMatrix(table);
    const spread = (v: readonly number[]) => {
      let total = 0;
      for (let i = 0; i < matrix.participants.length; i++) {
        let s = 0;
        for (let p = matrix.rowStart[i]; p < matrix.rowStart[i + 1]; p++)
          s +=
            (matrix.value[p] - result.pca.center[matrix.statementIndex[p]]) *
            v[matrix.statementIndex[p]];
        total += s * s;
      }
      return total;
    };
    const best = spread(result.pca.components[0]);
    for (let trial = 0; trial < 5; trial++) {
      const v = result.pca.components[0].map((_, j) => Math.sin(j * (trial + 1.3)));
      const norm = Math.sqrt(dot(v, v));
      expect(spread(v.map((x) => x / norm))).toBeLessThanOrEqual(best + 1e-9);
    }
  });

  it('keeps every silhouette within [-1, 1] and recovers the planted groups', () => {
    for (const s of Object.values(result.selection.silhouettes)) {
      expect(s).toBeGreaterThanOrEqual(-1);
      expect(s).toBeLessThanOrEqual(1);
    }
    const ours: number[] = [];
    const truth: number[] = [];
    result.participants.group.forEach((g, i) => g >= 0 && (ours.push(g), truth.push(planted[i])));
    expect(result.selection.k).toBe(3);
    expect(adjustedRandIndex(ours, truth)).toBeGreaterThan(0.6);
  });

  it('is deterministic and JSON-serialisable', () => {
    const again = analyze(table);
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
    expect(JSON.parse(JSON.stringify(result)).groups).toEqual(result.groups);
  });

  it('gives the same partition warm as cold on unchanged data', () => {
    const warm = analyze(table, { previous: result });
    expect(warm.groups.map((g) => g.members)).toEqual(result.groups.map((g) => g.members));
    expect(warm.groups.map((g) => g.id)).toEqual(result.groups.map((g) => g.id));
  });

  it('keeps group labels when participants are added (no swap)', () => {
    const grid = twoCamps(12, 10);
    const before = analyze(fromGrid(grid));
    const after = analyze(fromGrid([...grid, grid[0], grid[20]]), { previous: before });
    const groupOf = (r: typeof before, id: string) =>
      r.participants.group[r.participants.ids.indexOf(id)];
    for (const id of ['p0', 'p5', 'p13', 'p20'])
      expect(groupOf(after, id)).toBe(groupOf(before, id));
    // Labels follow the members even when a cold numbering would differ: rename the previous ids.
    const renamed = { ...before, groups: before.groups.map((g) => ({ ...g, id: g.id + 7 })) };
    const relabelled = analyze(fromGrid([...grid, grid[3]]), { previous: renamed });
    expect(relabelled.groups.map((g) => g.id).sort()).toEqual(
      before.groups.map((g) => g.id + 7).sort(),
    );
    expect(groupOf(relabelled, 'p0')).toBe(groupOf(before, 'p0') + 7);
  });

  it('reports representative statements that actually separate the groups', () => {
    const camps = analyze(fromGrid(twoCamps(12, 10)));
    expect(camps.groups).toHaveLength(2);
    for (const group of camps.groups) {
      const reps = camps.repness[String(group.id)];
      expect(reps.length).toBeGreaterThan(0);
      expect(reps[0].direction).toBe('agree');
      expect(reps.length).toBeLessThanOrEqual(5);
    }
  });
});

describe('k-means and silhouette', () => {
  it('k-means on well separated points finds them and reproduces itself from its own centres', () => {
    const xs = Float64Array.from([0, 0.1, 0.2, 10, 10.1, 10.2]);
    const ys = Float64Array.from([0, 0.1, 0, 5, 5.1, 5]);
    const result = kmeans2d(xs, ys, undefined, firstDistinctPoints(xs, ys, 2), {
      maxIterations: 100,
      tolerance: 1e-9,
    });
    expect(Array.from(result.assignment)).toEqual([0, 0, 0, 1, 1, 1]);
    const warm = kmeans2d(xs, ys, undefined, result.centres, {
      maxIterations: 100,
      tolerance: 1e-9,
    });
    expect(Array.from(warm.assignment)).toEqual(Array.from(result.assignment));
    expect(meanSilhouette(xs, ys, result.assignment, 2)).toBeGreaterThan(0.9);
    expect(meanSilhouette(xs, ys, Int32Array.from([0, 1, 0, 1, 0, 1]), 2)).toBeLessThan(0);
  });

  it('adjusted Rand index is 1 for relabelled partitions and about 0 for unrelated ones', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], ['b', 'b', 'a', 'a', 'c'])).toBeCloseTo(1, 12);
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 1, 0, 1, 0, 1])).toBeLessThan(0.1);
  });
});
