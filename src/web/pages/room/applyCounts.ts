import type { LiveVoteCounts } from '../../../domain/analysis.ts';
import type { Statement } from '../../../domain/statements.ts';

/**
 * Statements with the totals of a release's `vote-counts` event applied (a new list; unknown ids
 * ignored; a statement the release withholds has no counts).
 */
export function applyCounts(statements: Statement[], event: LiveVoteCounts): Statement[] {
  const byId = new Map(event.statements.map((c) => [c.statementId, c.totals]));
  return statements.map((s) => {
    if (!byId.has(s.id)) return s;
    const c = byId.get(s.id);
    return { ...s, counts: c ? { agree: c.agrees, disagree: c.disagrees, pass: c.passes } : null };
  });
}
