import {
  cellsLargeEnough,
  changers,
  changesLargeEnough,
  LEVELS,
  shownWith,
  type Level,
  type StatementBallots,
  type Voters,
} from './cells.ts';

/**
 * What has been released of each statement, kept server-side between releases: for each level,
 * the ballots as they stood when that level was last shown, and the level shown now. The numbers
 * a viewer holds of a statement are always `snapshots[shown][statement]`.
 */
export interface ReleasedState {
  readonly shown: Readonly<Record<string, Level>>;
  readonly snapshots: Readonly<Partial<Record<Level, Readonly<Record<string, StatementBallots>>>>>;
}

export const NOTHING_RELEASED: ReleasedState = { shown: {}, snapshots: {} };

export interface GateInput {
  readonly previous: ReleasedState;
  /** Current ballots per statement (only statements that may be shown). */
  readonly current: Readonly<Record<string, StatementBallots>>;
  readonly voters: Voters;
  readonly k: number;
  /** The final release of a closed session may also show backgrounds. */
  readonly final: boolean;
}

export interface GateResult {
  readonly state: ReleasedState;
  /** Statements whose numbers changed in this release. */
  readonly advanced: string[];
  /** Votes (voter x statement) cast or changed that this release does not yet include. */
  readonly heldBack: number;
}

/**
 * Decides, statement by statement, what the next release shows. A statement advances to its
 * current ballots at the richest level whose every cell holds at least k voters and whose every
 * cell, at that level and each coarser one, changed for nobody or for at least k voters since that
 * level was last shown. Otherwise it keeps what was last released: the changes wait until enough
 * others join them, so differencing two releases never isolates fewer than k people.
 */
export function gateRelease(input: GateInput): GateResult {
  const { previous, current, voters, k, final } = input;
  const levels = LEVELS.filter((l) => final || l !== 'backgrounds').reverse();
  const shown: Record<string, Level> = {};
  const snapshots: Partial<Record<Level, Record<string, StatementBallots>>> = {};
  for (const level of LEVELS) snapshots[level] = { ...previous.snapshots[level] };
  const advanced: string[] = [];
  let heldBack = 0;

  for (const [statement, ballots] of Object.entries(current)) {
    const last = (level: Level) => previous.snapshots[level]?.[statement];
    const level = levels.find(
      (candidate) =>
        cellsLargeEnough(candidate, ballots, voters, k) &&
        shownWith(candidate).every((l) => changesLargeEnough(l, last(l), ballots, voters, k)),
    );
    const before = previous.shown[statement];
    if (level) {
      shown[statement] = level;
      for (const l of shownWith(level)) snapshots[l]![statement] = ballots;
      if (level !== before || changers(last(level), ballots).length > 0) advanced.push(statement);
    } else {
      if (before) shown[statement] = before;
      heldBack += changers(before ? last(before) : undefined, ballots).length;
    }
  }
  return { state: { shown, snapshots }, advanced, heldBack };
}

/** The ballots viewers hold, statement by statement (the engine analyses exactly these). */
export function releasedBallots(state: ReleasedState): Record<string, StatementBallots> {
  return Object.fromEntries(
    Object.entries(state.shown).map(([s, level]) => [s, state.snapshots[level]?.[s] ?? {}]),
  );
}
