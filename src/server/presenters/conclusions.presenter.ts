import type { ConclusionsTable } from '../db/schema.ts';

/** The conclusions with, per delegation of the series, whether its head endorsed the current version. Never who endorsed. */
export function presentConclusions(
  row: ConclusionsTable,
  delegations: { id: string; name: string }[],
  endorsed: { delegation_id: string; at: string }[],
) {
  const at = new Map(endorsed.map((e) => [e.delegation_id, e.at]));
  return {
    roundId: row.round_id,
    body: row.body,
    version: Number(row.version),
    frozenAt: row.frozen_at,
    endorsements: delegations.map((d) => ({
      delegationId: d.id,
      delegation: d.name,
      endorsed: at.has(d.id),
      at: at.get(d.id) ?? null,
    })),
    updatedAt: row.updated_at,
  };
}
