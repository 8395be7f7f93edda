import type { Recommendation, RecommendationStatus } from '../../domain/outcomes.ts';
import type { RecommendationStatusChangesTable, RecommendationsTable } from '../db/schema.ts';

export type RecommendationRow = RecommendationsTable & { round_number: number; series_id: string };
export type CarryRow = { recommendation_id: string; round_id: string; at: string; number: number };

/** The stable id of a recommendation across the series: R2.3 is round 2's third. */
export const recommendationCode = (roundNumber: number, number: number) =>
  `R${roundNumber}.${number}`;

/** A recommendation with its status history and carries; `inRoundId` marks those carried into that round. Never who changed what. */
export function presentRecommendation(
  row: RecommendationRow,
  history: RecommendationStatusChangesTable[],
  carries: CarryRow[],
  inRoundId?: string,
): Recommendation {
  return {
    id: row.id,
    code: recommendationCode(Number(row.round_number), Number(row.number)),
    roundId: row.round_id,
    roundNumber: Number(row.round_number),
    originSessionId: row.session_id,
    title: row.title,
    body: row.body,
    addressees: JSON.parse(row.addressees) as string[],
    status: row.status as RecommendationStatus,
    history: history
      .filter((h) => h.recommendation_id === row.id)
      .map((h) => ({
        status: h.status as RecommendationStatus,
        on: h.on_date,
        evidence: h.evidence,
        evidenceUrl: h.evidence_url,
        at: h.at,
      })),
    carriedInto: carries
      .filter((c) => c.recommendation_id === row.id)
      .map((c) => ({ roundId: c.round_id, roundNumber: Number(c.number), at: c.at })),
    carried: inRoundId !== undefined && row.round_id !== inRoundId,
    createdAt: row.created_at,
  };
}
