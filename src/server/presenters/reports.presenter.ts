import type { Report, ReportStatus, ReportText } from '../../domain/reports.ts';
import type { ReportsTable, ReportVersionsTable } from '../db/schema.ts';

export const parseReportText = (json: string): ReportText => JSON.parse(json) as ReportText;

/** The editable draft as organisers see it. */
export function presentReport(row: ReportsTable, publishedVersion: number): Report {
  return {
    id: row.id,
    roundId: row.round_id,
    status: row.status as ReportStatus,
    version: row.edit_version,
    publishedVersion,
    text: { en: parseReportText(row.text_en), ur: parseReportText(row.text_ur) },
    approvedAt: row.approved_at,
    updatedAt: row.updated_at,
  };
}

export function presentPublished(row: ReportVersionsTable) {
  return {
    reportId: row.report_id,
    version: row.version,
    publishedAt: row.published_at,
    correctionNote: row.correction_note,
  };
}
