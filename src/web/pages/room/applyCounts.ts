import type { LiveVoteCounts } from '../../../domain/analysis.ts';
import type { Statement } from '../../../domain/statements.ts';

/** Statements with the totals of a `vote-counts` event applied (a new list; unknown ids ignored). */
export function applyCounts(statements: Statement[], event: LiveVoteCounts): Statement[] {
  const byId = new Map(event.statements.map((c) => [c.statementId, c]));
  return statements.map((s) => {
    const c = byId.get(s.id);
    return c ? { ...s, counts: { agree: c.agree, disagree: c.disagree, pass: c.pass } } : s;
  });
}
