import { describe, expect, it } from 'vitest';
import {
  analyze,
  AnalysisInputError,
  buildVoteMatrix,
  type AnalysisResult,
} from '../../src/analysis/index.ts';
import { fromGrid, twoCamps } from './helpers.ts';

/** Walks the whole result: no NaN or infinity may reach the output. */
function expectAllFinite(value: unknown, path = 'result'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => expectAllFinite(v, `${path}[${i}]`));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) expectAllFinite(v, `${path}.${k}`);
}

function expectNoStructure(result: AnalysisResult): void {
  expectAllFinite(result);
  expect(result.flags.noOpinionStructure).toBe(true);
  expect(result.flags.reasons.length).toBeGreaterThan(0);
  expect(result.groups).toEqual([]);
  expect(result.participants.group.every((g) => g === -1)).toBe(true);
}

describe('analyze: bad input', () => {
  it('an empty conversation gives an empty, flagged result', () => {
    const result = analyze({ statements: [], votes: [] });
    expectNoStructure(result);
    expect(result.flags.empty).toBe(true);
    expect(result.counts).toMatchObject({ participants: 0, statements: 0, votes: 0 });
  });

  it('statements without any vote are reported with zero counts', () => {
    const result = analyze({ statements: [{ id: 'a' }, { id: 'b' }], votes: [] });
    expectNoStructure(result);
    expect(result.statements.seen).toEqual([0, 0]);
  });

  it('one participant: no opinion structure', () => {
    expectNoStructure(analyze(fromGrid([[1, -1, 0, 1, 1, -1, 1, 1]])));
  });

  it('all passes: no opinion structure, and every statement is an area of uncertainty', () => {
    const result = analyze(fromGrid(Array.from({ length: 20 }, () => Array<number>(8).fill(0))));
    expectNoStructure(result);
    expect(result.uncertainty).toHaveLength(8);
    expect(result.consensus.agree).toEqual([]);
  });

  it('every vote the same (zero variance): flagged, no NaN, consensus still found', () => {
    const result = analyze(fromGrid(Array.from({ length: 20 }, () => Array<number>(8).fill(1))));
    expectNoStructure(result);
    expect(result.flags.reasons.join(' ')).toMatch(/variance/);
    expect(result.pca.variances).toEqual([0, 0]);
    expect(result.consensus.agree.length).toBe(5);
  });

  it('a statement nobody voted on stays out of the maths but gets a finite routing priority', () => {
    const grid = twoCamps(10, 8).map((row) => [...row, null]);
    const result = analyze(fromGrid(grid));
    expectAllFinite(result);
    expect(result.groups).toHaveLength(2);
    expect(result.statements.seen[8]).toBe(0);
    expect(result.pca.components[0][8]).toBe(0);
    expect(result.routing[8]).toBeGreaterThan(0);
    for (const reps of Object.values(result.repness))
      expect(reps.map((r) => r.statement)).not.toContain('s8');
  });

  it('more groups asked for than participants: capped at the distinct positions', () => {
    const result = analyze(fromGrid(twoCamps(2, 8)), { groupCount: 50 });
    expectAllFinite(result);
    expect(result.groups.length).toBeLessThanOrEqual(4);
    expect(result.groups.flatMap((g) => g.members).sort()).toEqual(['p0', 'p1', 'p2', 'p3']);
  });

  it('a vote value other than -1, 0 or 1 is an error naming the vote', () => {
    const input = {
      statements: [{ id: 's' }],
      votes: [
        { participant: 'a', statement: 's', value: 1 },
        { participant: 'b', statement: 's', value: 2 },
      ],
    };
    expect(() => analyze(input)).toThrow(AnalysisInputError);
    expect(() => analyze(input)).toThrow(/vote 1: value 2/);
    expect(() =>
      analyze({ statements: [], votes: [{ participant: 'a', statement: 's', value: Number.NaN }] }),
    ).toThrow(/not -1, 0 or 1/);
  });

  it('duplicated votes: the later one wins (by time, then by input order)', () => {
    const matrix = buildVoteMatrix({
      statements: [{ id: 's' }, { id: 't' }],
      votes: [
        { participant: 'a', statement: 's', value: 1, at: 5 },
        { participant: 'a', statement: 's', value: -1, at: 2 },
        { participant: 'a', statement: 't', value: -1 },
        { participant: 'a', statement: 't', value: 0 },
        { participant: 'a', statement: 't', value: 0 },
      ],
    });
    expect(Array.from(matrix.value)).toEqual([1, 0]);
    const untimed = buildVoteMatrix({
      statements: [{ id: 's' }],
      votes: [
        { participant: 'a', statement: 's', value: 1 },
        { participant: 'a', statement: 's', value: -1 },
      ],
    });
    expect(Array.from(untimed.value)).toEqual([-1]);
  });

  it('moderated-out and meta statements never appear in repness or consensus; meta routes first', () => {
    const grid = twoCamps(10, 8);
    const input = fromGrid(grid);
    const statements = input.statements.map((s, j) =>
      j === 0 ? { ...s, moderatedOut: true } : j === 2 ? { ...s, meta: true } : s,
    );
    const result = analyze({ ...input, statements });
    const reported = [
      ...Object.values(result.repness).flat(),
      ...result.consensus.agree,
      ...result.consensus.disagree,
    ].map((r) => r.statement);
    expect(reported).not.toContain('s0');
    expect(reported).not.toContain('s2');
    expect(result.routing[0]).toBe(0);
    expect(result.routing[2]).toBe(49);
  });
});
