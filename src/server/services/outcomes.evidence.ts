import type { EvidenceSnapshot } from '../../domain/outcomes.ts';
import type { OutcomeEvidenceTable } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { presentRelease } from '../presenters/analysis.presenter.ts';
import { analysisRepo } from '../repositories/analysis.repository.ts';
import { outcomesRepo } from '../repositories/outcomes.repository.ts';
import { delegationLookup } from './analysis.service.ts';

/** Under these rules a statement may be quoted (without a name) in public outputs. */
export const QUOTABLE_RULES = ['on_record', 'chatham_house'];

/**
 * The figures of statements as the latest release shows them (aggregates of at least k voters;
 * a statement the release withholds has no counts), to be frozen as evidence.
 */
export async function currentFigures(
  deps: Deps,
  seriesId: string,
  sessionId: string,
  statementIds: string[],
): Promise<Map<string, EvidenceSnapshot>> {
  const row = await analysisRepo.find(deps.db.kysely, sessionId);
  const release = row ? presentRelease(row, await delegationLookup(deps, seriesId)) : null;
  const byStatement = new Map((release?.statements ?? []).map((s) => [s.statementId, s]));
  return new Map(
    statementIds.map((id) => {
      const s = byStatement.get(id);
      const snapshot: EvidenceSnapshot = {
        analysedAt: release?.releasedAt ?? null,
        agree: s?.totals?.agrees ?? null,
        disagree: s?.totals?.disagrees ?? null,
        pass: s?.totals?.passes ?? null,
        classification: s?.classification ?? null,
        bridging: s?.bridging ?? null,
        delegations: (s?.delegations ?? []).map((d) => ({
          delegationId: d.delegationId,
          name: d.name,
          agreeShare: d.agreeShare,
          seen: d.seen,
        })),
      };
      return [id, snapshot];
    }),
  );
}

/**
 * Evidence rows for statements of the item's session: each must exist there and be approved;
 * off-the-record sessions have nothing to cite. Figures are frozen now.
 */
export async function evidenceRows(
  deps: Deps,
  item: { id: string; session_id: string },
  seriesId: string,
  statementIds: string[],
  field: string,
): Promise<OutcomeEvidenceTable[]> {
  const ids = [...new Set(statementIds)];
  if (!ids.length) return [];
  const found = await outcomesRepo.statementsWithSession(deps.db.kysely, ids);
  const byId = new Map(found.map((s) => [s.id, s]));
  for (const [i, id] of ids.entries()) {
    const s = byId.get(id);
    if (!s || s.session_id !== item.session_id)
      throw badRequest('Evidence must be statements of the item’s session.', [
        { field: `${field}.${i}`, message: 'is not a statement of this session' },
      ]);
    if (s.status !== 'approved')
      throw conflict(
        `Statement ${id} is not approved: only statements the room voted on are evidence.`,
        [{ field: `${field}.${i}`, message: 'is not approved' }],
      );
  }
  const figures = await currentFigures(deps, seriesId, item.session_id, ids);
  const at = deps.now().toISOString();
  return ids.map((id) => ({
    item_id: item.id,
    statement_id: id,
    quotable: QUOTABLE_RULES.includes(byId.get(id)!.attribution_rule) ? 1 : 0,
    snapshot: JSON.stringify(figures.get(id)),
    linked_at: at,
  }));
}
