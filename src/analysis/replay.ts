import { analyze } from './index.ts';
import { AnalysisInputError } from './matrix.ts';
import type { AnalysisOptions, AnalysisResult, VoteTable } from './types.ts';

/**
 * When a replayed update runs, in the time unit of the votes' `at` (Polis exports: milliseconds).
 * Like Polis's math worker, which wakes every second or so and folds every vote that arrived
 * since its last update into the next one: an update runs at the first vote that comes at least
 * `interval` after the previous update, over every vote cast up to that moment. `minGrowth` also
 * holds an update back until the votes have grown by that fraction since the previous update
 * (0 = never), which bounds the number of updates on long, busy conversations.
 */
export interface ReplaySchedule {
  readonly interval: number;
  readonly minGrowth: number;
}

/**
 * One second of conversation time between updates (Polis's math worker polls the votes table
 * every second), and at least 1% more votes than at the previous update, which keeps a long
 * conversation to a few hundred updates (see docs/analysis-validation.md for the choice).
 */
export const DEFAULT_REPLAY_SCHEDULE: ReplaySchedule = { interval: 1_000, minGrowth: 0.01 };

export interface ReplayOptions extends Omit<AnalysisOptions, 'previous'> {
  readonly schedule?: ReplaySchedule;
  /** When each statement was created (aligned with `table.statements`, same unit as `at`); a statement joins the matrix at its creation or first vote, whichever is earlier. */
  readonly statementTimes?: Float64Array | readonly number[];
  /** Called after each update with (updates done, votes replayed so far, votes in total). */
  readonly onUpdate?: (updates: number, votesSoFar: number, votesTotal: number) => void;
}

export interface ReplayResult {
  /** The last update's result: the engine on every vote, warm-started from the update before. */
  readonly result: AnalysisResult;
  readonly updates: number;
  /** The number of groups after each update, in order (0 while there is no opinion structure). */
  readonly kHistory: number[];
}

/** The vote indices in time order (ties keep file order). */
function timeOrder(at: Float64Array): Int32Array {
  const order = Int32Array.from({ length: at.length }, (_, k) => k);
  let sorted = true;
  for (let k = 1; k < at.length && sorted; k++) if (at[k] < at[k - 1]) sorted = false;
  if (!sorted) order.sort((a, b) => at[a] - at[b] || a - b);
  return order;
}

/**
 * The votes cut after each update: `cuts[u]` votes (in time order) are in update u. The last cut
 * is always every vote.
 */
export function replayCuts(
  sortedAt: Float64Array,
  schedule: ReplaySchedule = DEFAULT_REPLAY_SCHEDULE,
): number[] {
  const n = sortedAt.length;
  const cuts: number[] = [];
  let k = 0;
  let lastTime = -Infinity;
  let lastCount = 0;
  while (k < n) {
    // The worker wakes at the first vote at least `interval` after its last update...
    const wake = Math.max(sortedAt[k], lastTime + schedule.interval);
    while (k < n && sortedAt[k] <= wake) k++;
    // ...and runs once the votes have grown enough (the first update needs only one vote).
    if (k < n && lastCount > 0 && k - lastCount < schedule.minGrowth * lastCount) {
      lastTime = wake;
      continue;
    }
    cuts.push(k);
    lastTime = wake;
    lastCount = k;
  }
  if (cuts[cuts.length - 1] !== n) cuts.push(n);
  return cuts;
}

/**
 * Replays a conversation as live Polis would have computed it: walks the votes in time order and
 * runs an update at each point of the schedule on every vote cast so far, each warm-started from
 * the previous update (which keeps group ids, each k's centres and the k-switch streak). Statements
 * join the matrix when they are created or first voted on; participants keep the table's order.
 * The final update sees exactly the input table, so it is comparable with a cold `analyze(table)`.
 * Without vote times there is no history to replay: that is an error (use `analyze`).
 */
export function replay(table: VoteTable, options: ReplayOptions = {}): ReplayResult {
  const at = table.at;
  if (!at) throw new AnalysisInputError('replay needs vote times (the votes have no `at`)');
  const {
    schedule = DEFAULT_REPLAY_SCHEDULE,
    statementTimes,
    onUpdate,
    ...analysisOptions
  } = options;
  const n = table.value.length;
  const order = timeOrder(at);
  const participant = new Int32Array(n);
  const statement = new Int32Array(n);
  const value = new Int8Array(n);
  const sortedAt = new Float64Array(n);
  for (let q = 0; q < n; q++) {
    const k = order[q];
    participant[q] = table.participant[k];
    statement[q] = table.statement[k];
    value[q] = table.value[k];
    sortedAt[q] = at[k];
  }
  const nCols = table.statements.length;
  const joins = new Float64Array(nCols).fill(Infinity);
  if (statementTimes)
    for (let j = 0; j < nCols; j++)
      joins[j] = Number.isFinite(statementTimes[j]) ? statementTimes[j] : Infinity;
  for (let q = n - 1; q >= 0; q--) joins[statement[q]] = Math.min(joins[statement[q]], sortedAt[q]);

  const cuts = replayCuts(sortedAt, schedule);
  const kHistory: number[] = [];
  const column = new Int32Array(nCols);
  let previous: AnalysisResult | undefined;
  cuts.forEach((cut, u) => {
    let input: VoteTable;
    if (cut === n) input = table;
    else {
      const now = sortedAt[cut - 1];
      const statements = table.statements.filter((_, j) => joins[j] <= now);
      let c = 0;
      for (let j = 0; j < nCols; j++) column[j] = joins[j] <= now ? c++ : -1;
      const cutStatement = new Int32Array(cut);
      for (let q = 0; q < cut; q++) cutStatement[q] = column[statement[q]];
      input = {
        kind: 'vote-table',
        participants: table.participants,
        statements,
        participant: participant.subarray(0, cut),
        statement: cutStatement,
        value: value.subarray(0, cut),
        at: sortedAt.subarray(0, cut),
        delegations: table.delegations,
        backgrounds: table.backgrounds,
      };
    }
    previous = analyze(input, { ...analysisOptions, previous });
    kHistory.push(previous.groups.length);
    onUpdate?.(u + 1, cut, n);
  });
  return { result: previous as AnalysisResult, updates: cuts.length, kHistory };
}
