import type { ColumnCounts } from './consensus.ts';
import type { VoteMatrix } from './types.ts';

/** Priority given to meta statements so everyone sees them early. */
export const META_PRIORITY = 49;

/**
 * Routing priority per statement (aligned with the statements):
 *   importance = (1 - (passes + 1) / (seen + 2)) * (extremity + 1) * (agrees + 1) / (seen + 2)
 *   priority   = (importance * (1 + 8 * 2^(-seen / 5)))^2
 * Little-seen, divisive, rarely passed statements come first; the novelty boost fades as votes
 * arrive. Meta statements get 49, moderated-out ones 0 (never shown). The server draws among a
 * participant's unvoted active statements with probability proportional to priority.
 */
export function routingPriorities(
  matrix: VoteMatrix,
  counts: ColumnCounts,
  extremity: Float64Array,
): number[] {
  return matrix.statements.map((statement, j) => {
    if (statement.moderatedOut) return 0;
    if (statement.meta) return META_PRIORITY;
    const seen = counts.seen[j];
    const passes = seen - counts.agrees[j] - counts.disagrees[j];
    const importance =
      (1 - (passes + 1) / (seen + 2)) * (extremity[j] + 1) * ((counts.agrees[j] + 1) / (seen + 2));
    return (importance * (1 + 8 * 2 ** (-seen / 5))) ** 2;
  });
}
