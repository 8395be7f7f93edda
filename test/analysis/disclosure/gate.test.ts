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
  type ReleasedState,
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

/** The gate over these voters; live (not final) unless told. */
const gate = (
  previous: ReleasedState,
  current: Record<string, StatementBallots>,
  k: number,
  final = false,
) => gateRelease({ previous, current, voters, k, final });

describe('gateRelease', () => {
  it('releases nothing of a statement fewer than k people voted on', () => {
    const result = gate(NOTHING_RELEASED, { s: allAgree(4) }, 5);
    expect(result.state.shown).toEqual({});
    expect(result.heldBack).toBe(4);
  });

  it('shows totals once k voted, and delegations only when every delegation has k', () => {
    const five = gate(NOTHING_RELEASED, { s: allAgree(5) }, 5);
    // Five voters, all of A: B has none, so both delegations' cells are 0 or at least 5.
    expect(five.state.shown).toEqual({ s: 'delegations' });
    const seven = gate(NOTHING_RELEASED, { s: allAgree(7) }, 5);
    // Five of A and two of B: B's cell is too small, so totals only.
    expect(seven.state.shown).toEqual({ s: 'total' });
  });

  it('holds a change by fewer than k voters, then releases it with enough others', () => {
    const first = gate(NOTHING_RELEASED, { s: allAgree(10) }, 5);
    expect(first.state.shown.s).toBe('delegations');
    const oneChanged = { ...allAgree(10), v9: -1 as Value };
    const second = gate(first.state, { s: oneChanged }, 5);
    expect(second.advanced).toEqual([]);
    expect(second.heldBack).toBe(1);
    expect(releasedBallots(second.state).s).toEqual(allAgree(10));
    // Four more of B change: five changers, all in one delegation cell.
    const fiveChanged = {
      ...allAgree(5),
      ...ballots([5, 6, 7, 8, 9].map((i) => [i, -1] as [number, Value])),
    };
    const third = gate(second.state, { s: fiveChanged }, 5);
    expect(third.advanced).toEqual(['s']);
    expect(third.state.shown.s).toBe('delegations');
    expect(third.heldBack).toBe(0);
  });

  it('falls back to totals when the changes split delegations into cells under k', () => {
    const first = gate(NOTHING_RELEASED, { s: allAgree(10) }, 5);
    // Three of A and two of B change: five in all, but three and two per delegation.
    const changed = {
      ...allAgree(10),
      ...ballots([0, 1, 2, 5, 6].map((i) => [i, 0] as [number, Value])),
    };
    const next = gate(first.state, { s: changed }, 5);
    expect(next.state.shown.s).toBe('total');
    // Later, the delegations may come back only once their own difference is large enough.
    const again = gate(next.state, { s: changed }, 5);
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
