import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalysisInputError, analyze, replay, replayCuts } from '../../src/analysis/index.ts';
import { fitGroups } from '../../src/analysis/groups.ts';
import { firstDistinctPoints, kmeans2d } from '../../src/analysis/kmeans.ts';
import { agreementWithPolis, replayExport, statementTimes } from '../../src/polis/compare.ts';
import { readPolisExport } from '../../src/polis/read.ts';
import { fromGrid, twoCamps } from './helpers.ts';

const fixture = join(import.meta.dirname, '../fixtures/polis/london.youth.policing');

describe('replay schedule', () => {
  it('runs an update at the first vote at least `interval` after the last one, over every vote up to then', () => {
    const at = Float64Array.from([0, 100, 900, 1000, 1500, 2600, 2700, 9000]);
    // Wakes at 0, 1000, 2000, 3000 and 9000: votes 0 | 100..1000 | 1500 | 2600, 2700 | 9000.
    expect(replayCuts(at, { interval: 1000, minGrowth: 0 })).toEqual([1, 4, 5, 7, 8]);
    expect(replayCuts(at, { interval: 1, minGrowth: 0 })).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('holds an update back until the votes have grown by minGrowth, and always ends with every vote', () => {
    const at = Float64Array.from({ length: 100 }, (_, k) => k * 10_000);
    const cuts = replayCuts(at, { interval: 1000, minGrowth: 0.5 });
    expect(cuts[0]).toBe(1);
    expect(cuts[cuts.length - 1]).toBe(100);
    for (let u = 1; u < cuts.length - 1; u++)
      expect(cuts[u] - cuts[u - 1]).toBeGreaterThanOrEqual(0.5 * cuts[u - 1]);
    // No votes: one update, of the empty table.
    expect(replayCuts(new Float64Array(0))).toEqual([0]);
  });

  it('needs vote times', () => {
    const table = {
      kind: 'vote-table' as const,
      participants: ['a'],
      statements: [{ id: 's' }],
      participant: Int32Array.of(0),
      statement: Int32Array.of(0),
      value: Int8Array.of(1),
    };
    expect(() => replay(table)).toThrow(AnalysisInputError);
  });
});

describe('replay on a real conversation (london.youth.policing fixture)', async () => {
  const data = await readPolisExport(fixture);
  const times = statementTimes(data);
  let updates = 0;
  const replayed = replay(data.table, { statementTimes: times, onUpdate: (u) => (updates = u) });

  it('walks the history in many warm-started updates and ends on exactly the input votes', () => {
    expect(replayed.updates).toBeGreaterThan(10);
    expect(updates).toBe(replayed.updates);
    expect(replayed.kHistory).toHaveLength(replayed.updates);
    const cold = analyze(data.table);
    expect(replayed.result.counts).toEqual(cold.counts);
    expect(replayed.result.statements.seen).toEqual(cold.statements.seen);
    expect(agreementWithPolis(data, replayed.result)?.compared).toBeGreaterThan(10);
  });

  it('is deterministic', () => {
    const again = replayExport(data);
    expect(JSON.stringify(again?.result)).toBe(JSON.stringify(replayed.result));
  });

  it('a warm run on unchanged data keeps the replayed partition and ids', () => {
    const warm = analyze(data.table, { previous: replayed.result });
    expect(warm.groups.map((g) => [g.id, g.members])).toEqual(
      replayed.result.groups.map((g) => [g.id, g.members]),
    );
    expect(warm.selection.k).toBe(replayed.result.selection.k);
  });

  it('keeps every candidate k’s centres so each k warm-starts from its own last fit', () => {
    const { selection } = replayed.result;
    expect(Object.keys(selection.centres ?? {}).sort()).toEqual(
      Object.keys(selection.silhouettes).sort(),
    );
    for (const [k, centres] of Object.entries(selection.centres ?? {}))
      expect(centres.length).toBeLessThanOrEqual(Number(k));
  });
});

describe('group start rules', () => {
  it('first-distinct starts from the first k distinct base centres; lower-inertia never fits worse', () => {
    const bx = Float64Array.from([0, 0.1, 5, 5.2, 9, 9.1, 0.2]);
    const by = Float64Array.from([0, 0.2, 5, 5.1, 0, 0.3, 0.1]);
    const w = Float64Array.from([3, 1, 2, 2, 1, 4, 1]);
    const first = fitGroups(bx, by, w, 3, undefined, 'first-distinct');
    const direct = kmeans2d(bx, by, w, firstDistinctPoints(bx, by, 3), {
      maxIterations: 100,
      tolerance: 1e-9,
    });
    expect(Array.from(first.result.assignment)).toEqual(Array.from(direct.assignment));
    const inertia = (fit: typeof first) => {
      let s = 0;
      fit.result.assignment.forEach(
        (c, i) =>
          (s +=
            w[i] *
            ((bx[i] - fit.result.centres[2 * c]) ** 2 +
              (by[i] - fit.result.centres[2 * c + 1]) ** 2)),
      );
      return s;
    };
    expect(inertia(fitGroups(bx, by, w, 3, undefined, 'lower-inertia'))).toBeLessThanOrEqual(
      inertia(first) + 1e-12,
    );
  });

  it('either rule keeps warm equal to cold on unchanged data', () => {
    const input = fromGrid(twoCamps(15, 12));
    for (const groupStart of ['first-distinct', 'lower-inertia'] as const) {
      const cold = analyze(input, { groupStart });
      const warm = analyze(input, { groupStart, previous: cold });
      expect(warm.participants.group).toEqual(cold.participants.group);
    }
  });
});
