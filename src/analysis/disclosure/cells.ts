/**
 * The cells a release may describe, and the two tests every released number passes
 * (docs/confidentiality.md, "Releases"). A level is a way of breaking a statement's votes down:
 * `total` (everyone), `delegations` (one cell per delegation) and `backgrounds` (one cell per
 * delegation x background, published as background totals). Showing a level shows every coarser
 * level too, since their numbers are sums of its cells.
 *
 * Cells are never merged into an "other" cell whose membership could change between releases:
 * the difference of two such cells would describe the few people who moved. A level whose cells
 * cannot all be shown is not shown.
 */

/** A vote in export sign: 1 agree, -1 disagree, 0 pass. */
export type Value = -1 | 0 | 1;

/** One statement's ballots: voter key -> value. */
export type StatementBallots = Readonly<Record<string, Value>>;

export interface VoterFacts {
  readonly delegation: string | null;
  readonly background: string | null;
}

export type Voters = ReadonlyMap<string, VoterFacts>;

export const LEVELS = ['total', 'delegations', 'backgrounds'] as const;
export type Level = (typeof LEVELS)[number];

/** The level and every coarser one: all of them are shown when it is. */
export const shownWith = (level: Level): Level[] => LEVELS.slice(0, LEVELS.indexOf(level) + 1);

/** The cell a voter falls in at a level. Voters without a delegation form a cell of their own. */
export function cellOf(level: Level, facts: VoterFacts | undefined): string {
  if (level === 'total') return '*';
  const delegation = facts?.delegation ?? '-';
  return level === 'delegations' ? delegation : `${delegation}|${facts?.background ?? '-'}`;
}

/** Sizes of the cells of a set of voters. */
function cellSizes(level: Level, voterKeys: Iterable<string>, voters: Voters): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const key of voterKeys) {
    const cell = cellOf(level, voters.get(key));
    sizes.set(cell, (sizes.get(cell) ?? 0) + 1);
  }
  return sizes;
}

const noneOrAtLeast = (sizes: Map<string, number>, k: number) =>
  [...sizes.values()].every((n) => n === 0 || n >= k);

/** Every cell of the level holds at least k voters of the statement (the total at least k). */
export function cellsLargeEnough(
  level: Level,
  ballots: StatementBallots,
  voters: Voters,
  k: number,
): boolean {
  const keys = Object.keys(ballots);
  return keys.length >= k && noneOrAtLeast(cellSizes(level, keys, voters), k);
}

/** Voters whose ballot differs between two states of a statement (a new vote is a change). */
export function changers(before: StatementBallots | undefined, after: StatementBallots): string[] {
  const changed = Object.keys(after).filter((v) => before?.[v] !== after[v]);
  // Votes are never deleted, but a statement withdrawn and restored must not hide a change.
  if (before) for (const v of Object.keys(before)) if (!(v in after)) changed.push(v);
  return changed;
}

/**
 * The difference between the level's last shown state and the new one describes, in each cell,
 * nobody or at least k voters. A level never shown before has no earlier state to difference.
 */
export function changesLargeEnough(
  level: Level,
  before: StatementBallots | undefined,
  after: StatementBallots,
  voters: Voters,
  k: number,
): boolean {
  if (!before) return true;
  return noneOrAtLeast(cellSizes(level, changers(before, after), voters), k);
}
