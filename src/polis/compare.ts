import { adjustedRandIndex } from '../analysis/ari.ts';
import { replay, type ReplayOptions, type ReplayResult } from '../analysis/replay.ts';
import type { AnalysisResult } from '../analysis/types.ts';
import type { PolisExport } from './read.ts';

export interface PolisAgreement {
  /** Polis's number of groups (distinct group-id values). */
  readonly k: number;
  /** Participants both Polis and we clustered: the ARI is over these. */
  readonly compared: number;
  /** Adjusted Rand index of our groups against Polis's group-id over `compared` participants. */
  readonly ari: number;
}

/** Agreement with Polis's own groups over the participants both clustered (undefined without group ids). */
export function agreementWithPolis(
  data: PolisExport,
  result: AnalysisResult,
): PolisAgreement | undefined {
  if (data.polisGroups.size === 0) return undefined;
  const ours: number[] = [];
  const theirs: string[] = [];
  result.participants.ids.forEach((id, i) => {
    const polis = data.polisGroups.get(id);
    if (polis !== undefined && result.participants.group[i] >= 0) {
      ours.push(result.participants.group[i]);
      theirs.push(polis);
    }
  });
  return {
    k: new Set(data.polisGroups.values()).size,
    compared: ours.length,
    ari: adjustedRandIndex(ours, theirs),
  };
}

/** When each statement of the export's table was created (comments.csv timestamp, ms), NaN when unknown. */
export function statementTimes(data: PolisExport): Float64Array {
  const created = new Map(
    data.comments.map((c) => [c.id, c.timestamp === '' ? Number.NaN : Number(c.timestamp)]),
  );
  return Float64Array.from(data.table.statements, (s) => created.get(s.id) ?? Number.NaN);
}

/**
 * Replays an export's history as live Polis would have computed it (see `replay`), with statement
 * creation times from comments.csv. Undefined when the votes carry no times (an export read from
 * participants-votes.csv only): there is no history to replay, use a cold `analyze`.
 */
export function replayExport(
  data: PolisExport,
  options: Omit<ReplayOptions, 'statementTimes'> = {},
): ReplayResult | undefined {
  if (!data.table.at) return undefined;
  return replay(data.table, { ...options, statementTimes: statementTimes(data) });
}
