import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { HttpUrl, Id, IsoDate } from '../../domain/common.ts';
import {
  OUTCOME_TYPES,
  OUTCOME_VISIBILITIES,
  RAPPORTEUR_REPORT_STATUSES,
  RECOMMENDATION_STATUSES,
} from '../../domain/outcomes.ts';
import type { Database } from '../db/schema.ts';
import type { TransferTable } from './tables.ts';

type Conn = Kysely<Database> | Transaction<Database>;

// Outcomes (migration 0004) in the series document, listed after the tables they refer to.
// Kept here so tables.ts stays readable; TRANSFER_TABLES spreads them in at its end.

const str = (max: number) => z.string().max(max);
const Instant = z.string().min(1).max(40);
const Flag = z.number().int().min(0).max(1);

const roundIds = (db: Conn, seriesId: string) =>
  db.selectFrom('rounds').select('id').where('series_id', '=', seriesId);
const itemIds = (db: Conn, seriesId: string) =>
  db.selectFrom('outcome_items').select('id').where('round_id', 'in', roundIds(db, seriesId));
const conclusionIds = (db: Conn, seriesId: string) =>
  db.selectFrom('conclusions').select('id').where('round_id', 'in', roundIds(db, seriesId));
const reportIds = (db: Conn, seriesId: string) =>
  db.selectFrom('rapporteur_reports').select('id').where('round_id', 'in', roundIds(db, seriesId));
const recommendationIds = (db: Conn, seriesId: string) =>
  db.selectFrom('recommendations').select('id').where('round_id', 'in', roundIds(db, seriesId));
const statementIds = (db: Conn, seriesId: string) =>
  db
    .selectFrom('statements')
    .select('id')
    .where(
      'session_id',
      'in',
      db.selectFrom('sessions').select('id').where('round_id', 'in', roundIds(db, seriesId)),
    );

export const OUTCOME_TRANSFER_TABLES: TransferTable[] = [
  {
    key: 'outcomeItems',
    table: 'outcome_items',
    optional: true,
    row: z.strictObject({
      id: Id,
      roundId: Id,
      sessionId: Id,
      type: z.enum(OUTCOME_TYPES),
      title: str(300),
      body: str(50_000),
      visibility: z.enum(OUTCOME_VISIBILITIES),
      version: z.number().int().min(1),
      createdBy: z.string().nullable(),
      createdAt: Instant,
      updatedAt: Instant,
    }),
    refs: { roundId: 'rounds', sessionId: 'sessions' },
    userRefs: ['createdBy'],
    order: ['roundId', 'createdAt', 'id'],
    select: (db, seriesId) =>
      db
        .selectFrom('outcome_items')
        .selectAll()
        .where('round_id', 'in', roundIds(db, seriesId))
        .execute(),
  },
  {
    key: 'outcomeEvidence',
    table: 'outcome_evidence',
    optional: true,
    idField: null,
    row: z.strictObject({
      itemId: Id,
      statementId: Id,
      quotable: Flag,
      snapshot: str(200_000),
      linkedAt: Instant,
    }),
    refs: { itemId: 'outcomeItems', statementId: 'statements' },
    order: ['itemId', 'statementId'],
    select: (db, seriesId) =>
      db
        .selectFrom('outcome_evidence')
        .selectAll()
        .where('item_id', 'in', itemIds(db, seriesId))
        .execute(),
  },
  {
    key: 'conclusions',
    table: 'conclusions',
    optional: true,
    row: z.strictObject({
      id: Id,
      roundId: Id,
      body: str(50_000),
      version: z.number().int().min(1),
      frozenAt: Instant.nullable(),
      createdAt: Instant,
      updatedAt: Instant,
    }),
    refs: { roundId: 'rounds' },
    order: ['roundId'],
    select: (db, seriesId) =>
      db
        .selectFrom('conclusions')
        .selectAll()
        .where('round_id', 'in', roundIds(db, seriesId))
        .execute(),
  },
  {
    key: 'conclusionEndorsements',
    table: 'conclusion_endorsements',
    optional: true,
    idField: null,
    row: z.strictObject({
      conclusionId: Id,
      delegationId: Id,
      version: z.number().int().min(1),
      endorsedBy: z.string().nullable(),
      at: Instant,
    }),
    refs: { conclusionId: 'conclusions', delegationId: 'delegations' },
    userRefs: ['endorsedBy'],
    order: ['conclusionId', 'version', 'delegationId'],
    select: (db, seriesId) =>
      db
        .selectFrom('conclusion_endorsements')
        .selectAll()
        .where('conclusion_id', 'in', conclusionIds(db, seriesId))
        .execute(),
  },
  {
    key: 'rapporteurReports',
    table: 'rapporteur_reports',
    optional: true,
    row: z.strictObject({
      id: Id,
      roundId: Id,
      body: str(50_000),
      version: z.number().int().min(1),
      status: z.enum(RAPPORTEUR_REPORT_STATUSES),
      reviewEndsAt: Instant.nullable(),
      approvedAt: Instant.nullable(),
      approvedBy: z.string().nullable(),
      publishedAt: Instant.nullable(),
      createdAt: Instant,
      updatedAt: Instant,
    }),
    refs: { roundId: 'rounds' },
    userRefs: ['approvedBy'],
    order: ['roundId'],
    select: (db, seriesId) =>
      db
        .selectFrom('rapporteur_reports')
        .selectAll()
        .where('round_id', 'in', roundIds(db, seriesId))
        .execute(),
  },
  {
    key: 'rapporteurReportComments',
    table: 'rapporteur_report_comments',
    optional: true,
    row: z.strictObject({
      id: Id,
      reportId: Id,
      authorUserId: z.string().nullable(),
      body: str(5000),
      at: Instant,
    }),
    refs: { reportId: 'rapporteurReports' },
    userRefs: ['authorUserId'],
    order: ['reportId', 'at', 'id'],
    select: (db, seriesId) =>
      db
        .selectFrom('rapporteur_report_comments')
        .selectAll()
        .where('report_id', 'in', reportIds(db, seriesId))
        .execute(),
  },
  {
    // documentId points at an outcome item, conclusions or a report, by documentType.
    key: 'outcomeRevisions',
    table: 'outcome_revisions',
    optional: true,
    row: z.strictObject({
      id: Id,
      documentType: z.enum(['outcome_item', 'conclusions', 'rapporteur_report']),
      documentId: Id,
      version: z.number().int().min(1),
      title: str(300),
      body: str(50_000),
      editedBy: z.string().nullable(),
      at: Instant,
    }),
    userRefs: ['editedBy'],
    order: ['documentType', 'documentId', 'version'],
    select: (db, seriesId) =>
      db
        .selectFrom('outcome_revisions')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([
              eb('document_type', '=', 'outcome_item'),
              eb('document_id', 'in', itemIds(db, seriesId)),
            ]),
            eb.and([
              eb('document_type', '=', 'conclusions'),
              eb('document_id', 'in', conclusionIds(db, seriesId)),
            ]),
            eb.and([
              eb('document_type', '=', 'rapporteur_report'),
              eb('document_id', 'in', reportIds(db, seriesId)),
            ]),
          ]),
        )
        .execute(),
  },
  {
    key: 'recommendations',
    table: 'recommendations',
    optional: true,
    row: z.strictObject({
      id: Id,
      roundId: Id,
      number: z.number().int().min(1),
      sessionId: Id.nullable(),
      title: str(300),
      body: str(50_000),
      addressees: str(20_000),
      status: z.enum(RECOMMENDATION_STATUSES),
      createdBy: z.string().nullable(),
      createdAt: Instant,
      updatedAt: Instant,
    }),
    refs: { roundId: 'rounds', sessionId: 'sessions' },
    userRefs: ['createdBy'],
    order: ['roundId', 'number'],
    select: (db, seriesId) =>
      db
        .selectFrom('recommendations')
        .selectAll()
        .where('round_id', 'in', roundIds(db, seriesId))
        .execute(),
  },
  {
    key: 'recommendationStatusChanges',
    table: 'recommendation_status_changes',
    optional: true,
    row: z.strictObject({
      id: Id,
      recommendationId: Id,
      status: z.enum(RECOMMENDATION_STATUSES),
      onDate: IsoDate,
      evidence: str(2000),
      evidenceUrl: HttpUrl(500).nullable(),
      changedBy: z.string().nullable(),
      at: Instant,
    }),
    refs: { recommendationId: 'recommendations' },
    userRefs: ['changedBy'],
    order: ['recommendationId', 'at', 'id'],
    select: (db, seriesId) =>
      db
        .selectFrom('recommendation_status_changes')
        .selectAll()
        .where('recommendation_id', 'in', recommendationIds(db, seriesId))
        .execute(),
  },
  {
    key: 'recommendationCarries',
    table: 'recommendation_carries',
    optional: true,
    idField: null,
    row: z.strictObject({
      recommendationId: Id,
      roundId: Id,
      carriedBy: z.string().nullable(),
      at: Instant,
    }),
    refs: { recommendationId: 'recommendations', roundId: 'rounds' },
    userRefs: ['carriedBy'],
    order: ['recommendationId', 'roundId'],
    select: (db, seriesId) =>
      db
        .selectFrom('recommendation_carries')
        .selectAll()
        .where('recommendation_id', 'in', recommendationIds(db, seriesId))
        .execute(),
  },
  {
    key: 'statementRepeats',
    table: 'statement_repeats',
    optional: true,
    idField: null,
    row: z.strictObject({
      statementId: Id,
      repeatOfId: Id,
      linkedBy: z.string().nullable(),
      at: Instant,
    }),
    refs: { statementId: 'statements', repeatOfId: 'statements' },
    userRefs: ['linkedBy'],
    order: ['statementId'],
    select: (db, seriesId) =>
      db
        .selectFrom('statement_repeats')
        .selectAll()
        .where('statement_id', 'in', statementIds(db, seriesId))
        .execute(),
  },
];
