import { describe, expect, it } from 'vitest';
import { classify, wilsonInterval } from '../../src/analysis/delegations.ts';
import { analyze, type CategoryBreakdown } from '../../src/analysis/index.ts';
import { smoothedShare } from '../../src/analysis/repness.ts';
import { fromGrid } from './helpers.ts';

function breakdown(
  category: string,
  agrees: number,
  disagrees: number,
  passes: number,
  minVotes = 3,
): CategoryBreakdown {
  const seen = agrees + disagrees + passes;
  return {
    category,
    agrees,
    disagrees,
    passes,
    seen,
    agreeShare: seen ? agrees / seen : 0,
    wilson90: wilsonInterval(agrees, seen),
    smoothedAgree: smoothedShare(agrees, seen),
    smoothedDisagree: smoothedShare(disagrees, seen),
    tooFewVotes: seen < minVotes,
  };
}

describe('Wilson interval', () => {
  it('contains the observed share, stays in [0, 1] and narrows with more votes', () => {
    const [lo, hi] = wilsonInterval(7, 10);
    expect(lo).toBeLessThan(0.7);
    expect(hi).toBeGreaterThan(0.7);
    expect(wilsonInterval(0, 5)[0]).toBe(0);
    expect(wilsonInterval(5, 5)[1]).toBe(1);
    const [wideLo, wideHi] = wilsonInterval(7, 10);
    const [narrowLo, narrowHi] = wilsonInterval(70, 100);
    expect(narrowHi - narrowLo).toBeLessThan(wideHi - wideLo);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    // Known value: 8 of 10 at z = 1.6449 gives about [0.539, 0.930].
    expect(wilsonInterval(8, 10)[0]).toBeCloseTo(0.539, 2);
    expect(wilsonInterval(8, 10)[1]).toBeCloseTo(0.93, 2);
  });
});

describe('classification', () => {
  it('names each case', () => {
    expect(classify([breakdown('A', 6, 1, 0), breakdown('B', 5, 1, 1)])).toBe('convergence');
    expect(classify([breakdown('A', 0, 6, 1), breakdown('B', 1, 6, 0)])).toBe('shared-rejection');
    expect(classify([breakdown('A', 6, 1, 0), breakdown('B', 1, 6, 0)])).toBe('divergence');
    expect(classify([breakdown('A', 6, 1, 0), breakdown('B', 3, 3, 1)])).toBe('contested-within');
    expect(classify([breakdown('A', 2, 1, 5), breakdown('B', 3, 1, 4)])).toBe('uncertain');
    expect(classify([breakdown('A', 2, 0, 0), breakdown('B', 6, 0, 0)])).toBe('uncertain');
    expect(classify([])).toBe('uncertain');
  });
});

describe('convergence report', () => {
  // Two delegations of 5, one of 2 (withheld), backgrounds with one singleton (pooled into "other").
  const grid = [
    [1, 1, -1, 0],
    [1, 1, -1, 0],
    [1, 1, -1, 1],
    [1, -1, -1, 0],
    [1, 1, -1, -1],
    [1, -1, 1, 0],
    [1, -1, 1, 0],
    [1, -1, 1, 1],
    [1, -1, 1, 0],
    [-1, -1, 1, 0],
    [1, 1, 1, 1],
    [1, 1, 1, 1],
  ];
  const delegations: Record<string, string> = {};
  const backgrounds: Record<string, string> = {};
  grid.forEach((_, i) => {
    delegations[`p${i}`] = i < 5 ? 'north' : i < 10 ? 'south' : 'tiny';
    backgrounds[`p${i}`] = i === 0 ? 'military' : i % 2 === 0 ? 'academic' : 'diplomat';
  });
  const result = analyze(
    fromGrid(grid, { delegations, backgrounds: new Map(Object.entries(backgrounds)) }),
  );
  const report = result.convergence!;
  const statement = (id: string) => report.statements.find((s) => s.statement === id)!;

  it('withholds delegations smaller than k and pools small background categories', () => {
    expect(report.delegations).toEqual(['north', 'south']);
    expect(report.withheld.delegations).toBe(1);
    expect(report.backgrounds).toEqual(['academic', 'diplomat']);
    expect(report.withheld.backgrounds).toBe(1);
    for (const s of report.statements)
      for (const b of [...s.delegations, ...s.backgrounds])
        expect(b.category).not.toMatch(/tiny|military/);
  });

  it('classifies and ranks pathways by the bridging score', () => {
    expect(statement('s0').classification).toBe('convergence');
    expect(statement('s1').classification).toBe('divergence');
    expect(statement('s2').classification).toBe('divergence');
    expect(statement('s3').classification).toBe('uncertain');
    expect(statement('s0').bridging).toBeCloseTo(smoothedShare(4, 5), 12);
    expect(report.pathways[0]).toBe('s0');
    expect(report.pathways).not.toContain('s3');
  });

  it('shows counts with the shares', () => {
    const north = statement('s1').delegations.find((d) => d.category === 'north')!;
    expect(north).toMatchObject({ agrees: 4, disagrees: 1, passes: 0, seen: 5 });
    expect(north.wilson90[0]).toBeLessThan(0.8);
  });

  it('is absent when no delegations or backgrounds are known', () => {
    expect(analyze(fromGrid(grid)).convergence).toBeUndefined();
  });
});
