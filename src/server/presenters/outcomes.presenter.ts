import type {
  EvidenceSnapshot,
  OutcomeItem,
  OutcomeType,
  OutcomeVisibility,
} from '../../domain/outcomes.ts';
import type { OutcomeItemsTable } from '../db/schema.ts';

export interface EvidenceRow {
  item_id: string;
  statement_id: string;
  session_id: string;
  text: string;
  quotable: number;
  snapshot: string;
  linked_at: string;
}

/** An outcome item with its evidence: statement texts and frozen aggregate figures, never an author. */
export function presentOutcomeItem(
  row: OutcomeItemsTable,
  evidence: readonly EvidenceRow[],
): OutcomeItem {
  return {
    id: row.id,
    roundId: row.round_id,
    sessionId: row.session_id,
    type: row.type as OutcomeType,
    title: row.title,
    body: row.body,
    visibility: row.visibility as OutcomeVisibility,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    evidence: evidence
      .filter((e) => e.item_id === row.id)
      .map((e) => ({
        statementId: e.statement_id,
        sessionId: e.session_id,
        text: e.text,
        quotable: Number(e.quotable) === 1,
        linkedAt: e.linked_at,
        figures: JSON.parse(e.snapshot) as EvidenceSnapshot,
      })),
  };
}

export const presentRevision = (r: {
  version: number;
  title: string;
  body: string;
  at: string;
}) => ({
  version: Number(r.version),
  title: r.title,
  body: r.body,
  at: r.at,
});
