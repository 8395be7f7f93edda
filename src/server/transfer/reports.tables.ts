import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import { Id } from '../../domain/common.ts';
import { CommentStatus, REPORT_STATUSES } from '../../domain/reports.ts';
import type { Database } from '../db/schema.ts';
import type { TransferTable } from './tables.ts';

type Conn = Kysely<Database> | Transaction<Database>;

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

const roundIds = (db: Conn, seriesId: string) =>
  db.selectFrom('rounds').select('id').where('series_id', '=', seriesId);
const reportIds = (db: Conn, seriesId: string) =>
  db.selectFrom('reports').select('id').where('round_id', 'in', roundIds(db, seriesId));

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
    select: (db, seriesId) =>
      db
        .selectFrom('reports')
        .selectAll()
        .where('round_id', 'in', roundIds(db, seriesId))
        .execute(),
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
    select: (db, seriesId) =>
      db
        .selectFrom('report_versions')
        .selectAll()
        .where('report_id', 'in', reportIds(db, seriesId))
        .execute(),
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
    select: (db, seriesId) =>
      db
        .selectFrom('report_comments')
        .select([
          'id',
          'report_id',
          'parent_id',
          'author_name',
          'body',
          'status',
          sql<string>`''`.as('address_hash'),
          'created_at',
          'moderated_by',
          'moderated_at',
        ])
        .where('report_id', 'in', reportIds(db, seriesId))
        .execute(),
  },
];
