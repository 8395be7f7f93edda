import { describe, expect, it } from 'vitest';
import type {
  StatementBallots,
  Value,
  VoterFacts,
} from '../../../src/analysis/disclosure/cells.ts';
import {
  gateRelease,
  NOTHING_RELEASED,
  releasedBallots,
} from '../../../src/analysis/disclosure/gate.ts';

// Ten voters: five of delegation A (two of them media), five of B.
const voters = new Map<string, VoterFacts>(
  Array.from({ length: 10 }, (_, i) => [
    `v${i}`,
    { delegation: i < 5 ? 'A' : 'B', background: i < 2 ? 'media' : 'former_diplomat' },
  ]),
);
const ballots = (entries: [number, Value][]): StatementBallots =>
  Object.fromEntries(entries.map(([i, v]) => [`v${i}`, v]));
const allAgree = (n: number) =>
  ballots(Array.from({ length: n }, (_, i) => [i, 1] as [number, Value]));

describe('gateRelease', () => {
  it('releases nothing of a statement fewer than k people voted on', () => {
    const result = gateRelease({
      previous: NOTHING_RELEASED,
      current: { s: allAgree(4) },
      voters,
      k: 5,
      final: false,
    });
    expect(result.state.shown).toEqual({});
    expect(result.heldBack).toBe(4);
  });

  it('shows totals once k voted, and delegations only when every delegation has k', () => {
    const five = gateRelease({
      previous: NOTHING_RELEASED,
      current: { s: allAgree(5) },
      voters,
      k: 5,
      final: false,
    });
    // Five voters, all of A: B has none, so both delegations' cells are 0 or at least 5.
    expect(five.state.shown).toEqual({ s: 'delegations' });
    const seven = gateRelease({
      previous: NOTHING_RELEASED,
      current: { s: allAgree(7) },
      voters,
      k: 5,
      final: false,
    });
    // Five of A and two of B: B's cell is too small, so totals only.
    expect(seven.state.shown).toEqual({ s: 'total' });
  });

  it('holds a change by fewer than k voters, then releases it with enough others', () => {
    const first = gateRelease({
      previous: NOTHING_RELEASED,
      current: { s: allAgree(10) },
      voters,
      k: 5,
      final: false,
    });
    expect(first.state.shown.s).toBe('delegations');
    const oneChanged = { ...allAgree(10), v9: -1 as Value };
    const second = gateRelease({
      previous: first.state,
      current: { s: oneChanged },
      voters,
      k: 5,
      final: false,
    });
    expect(second.advanced).toEqual([]);
    expect(second.heldBack).toBe(1);
    expect(releasedBallots(second.state).s).toEqual(allAgree(10));
    // Four more of B change: five changers, all in one delegation cell.
    const fiveChanged = {
      ...allAgree(5),
      ...ballots([5, 6, 7, 8, 9].map((i) => [i, -1] as [number, Value])),
    };
    const third = gateRelease({
      previous: second.state,
      current: { s: fiveChanged },
      voters,
      k: 5,
      final: false,
    });
    expect(third.advanced).toEqual(['s']);
    expect(third.state.shown.s).toBe('delegations');
    expect(third.heldBack).toBe(0);
  });

  it('falls back to totals when the changes split delegations into cells under k', () => {
    const first = gateRelease({
      previous: NOTHING_RELEASED,
      current: { s: allAgree(10) },
      voters,
      k: 5,
      final: false,
    });
    // Three of A and two of B change: five in all, but three and two per delegation.
    const changed = {
      ...allAgree(10),
      ...ballots([0, 1, 2, 5, 6].map((i) => [i, 0] as [number, Value])),
    };
    const next = gateRelease({
      previous: first.state,
      current: { s: changed },
      voters,
      k: 5,
      final: false,
    });
    expect(next.state.shown.s).toBe('total');
    // Later, the delegations may come back only once their own difference is large enough.
    const again = gateRelease({
      previous: next.state,
      current: { s: changed },
      voters,
      k: 5,
      final: false,
    });
    expect(again.state.shown.s).toBe('total');
  });

  it('shows backgrounds only in a final release and only where every delegation x background cell has k', () => {
    const current = { s: allAgree(10) };
    const live = gateRelease({ previous: NOTHING_RELEASED, current, voters, k: 5, final: false });
    expect(live.state.shown.s).toBe('delegations');
    const final = gateRelease({ previous: live.state, current, voters, k: 5, final: true });
    // A x media holds two voters: backgrounds stay hidden.
    expect(final.state.shown.s).toBe('delegations');
    const finalK2 = gateRelease({ previous: NOTHING_RELEASED, current, voters, k: 2, final: true });
    expect(finalK2.state.shown.s).toBe('backgrounds');
  });
});
