import { seededRandom } from '../../src/analysis/pca.ts';
import type { VoteTable } from '../../src/analysis/types.ts';

/** A synthetic conversation shape: participants x statements, with a target vote count. */
export interface Shape {
  readonly name: string;
  readonly participants: number;
  readonly statements: number;
  /** Mean votes per participant (the actual count per participant is drawn around it). */
  readonly meanVotes: number;
  /** True when nearly everyone votes on everything (a Track-II room). */
  readonly dense?: boolean;
  readonly groups: number;
}

export const SHAPES: readonly Shape[] = [
  {
    name: 'track-ii-room',
    participants: 35,
    statements: 60,
    meanVotes: 57,
    dense: true,
    groups: 2,
  },
  { name: 'consultation', participants: 2_000, statements: 900, meanVotes: 108, groups: 3 },
  { name: 'polis-largest', participants: 33_422, statements: 783, meanVotes: 60, groups: 3 },
];

export interface PlantedConversation {
  readonly table: VoteTable;
  /** The planted group of each participant, aligned with `table.participants`. */
  readonly planted: Int32Array;
}

/**
 * Plants `groups` opinion groups: each group has, per statement, an agree probability; a third
 * of the statements are divisive (groups differ sharply), the rest lean the same way for all.
 * Each participant votes on a uniform random subset of statements (dense shapes: nearly all;
 * sparse shapes: a geometric-like count around the mean, as in open Polis conversations), passing
 * 15% of the time. Seeded, so every run produces the same votes.
 */
export function plantedConversation(shape: Shape, seed = 7): PlantedConversation {
  const random = seededRandom(seed);
  const { participants: n, statements: d, groups } = shape;
  const agreeProbability = new Float64Array(groups * d);
  for (let j = 0; j < d; j++) {
    const divisive = j % 3 === 0;
    const common = random();
    for (let g = 0; g < groups; g++) {
      const lean = divisive ? (random() < 0.5 ? 0.85 : 0.15) : common;
      agreeProbability[g * d + j] = divisive && g === j % groups ? 1 - lean : lean;
    }
  }
  const planted = new Int32Array(n);
  const votesOf = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    planted[i] = Math.floor(random() * groups);
    const drawn = shape.dense
      ? d - Math.floor(random() * 4)
      : Math.round(-Math.log(1 - random()) * (shape.meanVotes - 2)) + 3;
    votesOf[i] = Math.max(1, Math.min(d, drawn));
    total += votesOf[i];
  }
  const participant = new Int32Array(total);
  const statement = new Int32Array(total);
  const value = new Int8Array(total);
  const order = Int32Array.from({ length: d }, (_, j) => j);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let v = 0; v < votesOf[i]; v++) {
      const swap = v + Math.floor(random() * (d - v));
      [order[v], order[swap]] = [order[swap], order[v]];
      const j = order[v];
      participant[k] = i;
      statement[k] = j;
      const r = random();
      value[k++] = r < 0.15 ? 0 : random() < agreeProbability[planted[i] * d + j] ? 1 : -1;
    }
  }
  return {
    table: {
      kind: 'vote-table',
      participants: Array.from({ length: n }, (_, i) => String(i)),
      statements: Array.from({ length: d }, (_, j) => ({ id: String(j) })),
      participant,
      statement,
      value,
    },
    planted,
  };
}
