import type { RapporteurReportStatus } from '../../domain/outcomes.ts';
import type { RapporteurReportsTable } from '../db/schema.ts';

export function presentRapporteurReport(row: RapporteurReportsTable) {
  return {
    roundId: row.round_id,
    body: row.body,
    version: Number(row.version),
    status: row.status as RapporteurReportStatus,
    reviewEndsAt: row.review_ends_at,
    approvedAt: row.approved_at,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
  };
}

/** A review comment: the author is named only when `showAuthor` (rapporteurs and organisers). */
export function presentReviewComment(
  row: {
    id: string;
    author_user_id: string | null;
    body: string;
    at: string;
    display_name: string | null;
  },
  viewerUserId: string,
  showAuthor: boolean,
) {
  return {
    id: row.id,
    body: row.body,
    at: row.at,
    mine: row.author_user_id === viewerUserId,
    author: showAuthor && row.display_name ? { name: row.display_name } : null,
  };
}
