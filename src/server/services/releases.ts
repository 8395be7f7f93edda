import type { ReleaseBody } from '../../analysis/disclosure/release.ts';
import type { VoteCounts } from '../../domain/statements.ts';
import type { Deps } from '../deps.ts';
import { analysisRepo } from '../repositories/analysis.repository.ts';

/**
 * Vote totals of statements as the sessions' latest releases show them: never fresh counts, which
 * would let two reads a vote apart show that vote (docs/confidentiality.md). A statement missing
 * from the map has no released totals: fewer than k voters, or none released yet.
 */
export async function releasedVoteCounts(
  deps: Deps,
  sessionIds: string[],
): Promise<Map<string, VoteCounts>> {
  const rows = await analysisRepo.findMany(deps.db.kysely, [...new Set(sessionIds)]);
  const counts = new Map<string, VoteCounts>();
  for (const row of rows) {
    const body = JSON.parse(row.summary) as ReleaseBody | null;
    for (const s of body?.statements ?? [])
      if (s.totals)
        counts.set(s.statementId, {
          agree: s.totals.agrees,
          disagree: s.totals.disagrees,
          pass: s.totals.passes,
        });
  }
  return counts;
}
