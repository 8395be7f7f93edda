import { proportionTest, smoothedShare, Z_90, type GroupCounts } from './repness.ts';
import type { ConsensusStatement, UncertainStatement, VoteMatrix } from './types.ts';

export const MAX_CONSENSUS = 5;
/** A statement passed by more than this share of those who saw it is an area of uncertainty. */
export const UNCERTAIN_PASS_SHARE = 0.3;

export interface ColumnCounts {
  readonly agrees: Int32Array;
  readonly disagrees: Int32Array;
  readonly seen: Int32Array;
}

/**
 * Majority opinion over all voters: up to 5 statements whose smoothed agree share
 * (agrees + 1) / (seen + 2) exceeds 1/2 significantly (test > 1.2816, one-sided 90%), ranked by
 * share * test; the same for disagree.
 */
export function majorityOpinion(
  matrix: VoteMatrix,
  counts: ColumnCounts,
): { agree: ConsensusStatement[]; disagree: ConsensusStatement[] } {
  const pick = (side: Int32Array) => {
    const found: ConsensusStatement[] = [];
    for (let j = 0; j < matrix.statements.length; j++) {
      if (matrix.excluded[j]) continue;
      const share = smoothedShare(side[j], counts.seen[j]);
      const test = proportionTest(side[j], counts.seen[j]);
      if (share > 0.5 && test > Z_90)
        found.push({ statement: matrix.statements[j].id, share, test, seen: counts.seen[j] });
    }
    return found.sort((a, b) => b.share * b.test - a.share * a.test).slice(0, MAX_CONSENSUS);
  };
  return { agree: pick(counts.agrees), disagree: pick(counts.disagrees) };
}

/**
 * Group-informed consensus: the product over opinion groups of (agrees_g + 1) / (seen_g + 2), so a
 * statement scores high only if every group tends to agree. With no groups, all voters form one.
 */
export function groupInformedConsensus(
  matrix: VoteMatrix,
  groups: GroupCounts,
  all: ColumnCounts,
): Record<string, number> {
  const nCols = matrix.statements.length;
  const result: Record<string, number> = {};
  for (let j = 0; j < nCols; j++) {
    if (matrix.excluded[j]) continue;
    let product = 1;
    if (groups.groups === 0) product = smoothedShare(all.agrees[j], all.seen[j]);
    for (let g = 0; g < groups.groups; g++)
      product *= smoothedShare(groups.agrees[g * nCols + j], groups.seen[g * nCols + j]);
    result[matrix.statements[j].id] = product;
  }
  return result;
}

/** Areas of uncertainty: active statements passed by more than 30% of those who saw them, most passed first. */
export function areasOfUncertainty(matrix: VoteMatrix, counts: ColumnCounts): UncertainStatement[] {
  const found: UncertainStatement[] = [];
  for (let j = 0; j < matrix.statements.length; j++) {
    const seen = counts.seen[j];
    if (matrix.excluded[j] || seen === 0) continue;
    const passShare = (seen - counts.agrees[j] - counts.disagrees[j]) / seen;
    if (passShare > UNCERTAIN_PASS_SHARE)
      found.push({ statement: matrix.statements[j].id, passShare, seen });
  }
  return found.sort((a, b) => b.passShare - a.passShare);
}
