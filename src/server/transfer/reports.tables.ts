import { z } from 'zod';
import { Id } from '../../domain/common.ts';
import { CommentStatus, REPORT_STATUSES } from '../../domain/reports.ts';
import { seriesRows } from '../repositories/transfer-scopes.repository.ts';
import type { TransferTable } from './tables.ts';

// The public outcome report (migration 0005) in the series document: the editable draft, its
// published versions and the public's comments, so a moved series keeps what it published.
//
// Comments are personal data of members of the public. The document keeps what the public
// itself sees (name, text, order, replies) and the moderation state, but not the commenter's
// email (never shown, only kept so organisers can reply privately) nor the hashed address
// (a rate-limit key): neither is needed to show the comments again, and a series file is
// handed around far more freely than the database. The email column defaults to ''; the
// address hash is NOT NULL, so it is written blank and imported blank (a blank hash never
// matches a real address, so it does not affect the rate limit).

const str = (max: number) => z.string().max(max);
const Instant = z.string().min(1).max(40);

export const REPORT_TRANSFER_TABLES: TransferTable[] = [
  {
    key: 'reports',
    table: 'reports',
    optional: true,
    row: z.strictObject({
      id: Id,
      roundId: Id,
      status: z.enum(REPORT_STATUSES),
      editVersion: z.number().int().min(1),
      textEn: str(500_000),
      textUr: str(500_000),
      approvedBy: z.string().nullable(),
      approvedAt: Instant.nullable(),
      createdAt: Instant,
      updatedAt: Instant,
    }),
    refs: { roundId: 'rounds' },
    userRefs: ['approvedBy'],
    order: ['roundId'],
    select: seriesRows.reports,
  },
  {
    key: 'reportVersions',
    table: 'report_versions',
    optional: true,
    row: z.strictObject({
      id: Id,
      reportId: Id,
      version: z.number().int().min(1),
      textEn: str(500_000),
      textUr: str(500_000),
      correctionNote: str(1000),
      publishedBy: z.string().nullable(),
      publishedAt: Instant,
    }),
    refs: { reportId: 'reports' },
    userRefs: ['publishedBy'],
    order: ['reportId', 'version'],
    select: seriesRows.reportVersions,
  },
  {
    key: 'reportComments',
    table: 'report_comments',
    optional: true,
    row: z.strictObject({
      id: Id,
      reportId: Id,
      parentId: Id.nullable(),
      authorName: str(120).min(1),
      body: str(4000),
      status: CommentStatus,
      addressHash: z.literal(''),
      createdAt: Instant,
      moderatedBy: z.string().nullable(),
      moderatedAt: Instant.nullable(),
    }),
    refs: { reportId: 'reports', parentId: 'reportComments' },
    userRefs: ['moderatedBy'],
    order: ['reportId', 'createdAt', 'id'],
    select: seriesRows.reportComments,
  },
];
