import type { CommentStatus } from '../../domain/reports.ts';
import type { ReportCommentsTable } from '../db/schema.ts';

/** A comment for moderation (organisers only: the email is here and nowhere public). The address hash never leaves. */
export function presentComment(row: ReportCommentsTable) {
  return {
    id: row.id,
    reportId: row.report_id,
    parentId: row.parent_id,
    name: row.author_name,
    email: row.author_email,
    text: row.body,
    status: row.status as CommentStatus,
    createdAt: row.created_at,
  };
}
