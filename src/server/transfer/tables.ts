import { z } from 'zod';
import { HttpUrl, Id, IsoDate, TimeZone } from '../../domain/common.ts';
import { K_ANONYMITY_DEFAULT, KAnonymity } from '../../domain/series.ts';
import {
  ATTRIBUTION_RULES,
  BACKGROUNDS,
  CAPACITIES,
  GENDERS,
  ORGANISATION_PARTS,
  PARTICIPATION_ROLES,
  PARTICIPATION_STATUSES,
  ROUND_STATUSES,
  SERIES_ROLES,
  SESSION_KINDS,
  SESSION_STATUSES,
  STATEMENT_KINDS,
  STATEMENT_STATUSES,
  VOTE_VALUES,
} from '../../domain/enums.ts';
import type { Database } from '../db/schema.ts';
import { seriesRows } from '../repositories/transfer-scopes.repository.ts';
import type { Conn, DbRow } from '../repositories/transfer.repository.ts';
import { OUTCOME_TRANSFER_TABLES } from './outcomes.tables.ts';
import { REPORT_TRANSFER_TABLES } from './reports.tables.ts';

export type { DbRow };

/**
 * One table of the series document. Export and import are driven by this list alone, so a
 * new table (outcomes, say) joins the document with one entry here. The list is in insert
 * order: every table comes after the tables it refers to.
 */
export interface TransferTable {
  /** Its key in the document, e.g. "rounds". */
  key: string;
  table: keyof Database;
  /** One row as written in the document; the order of its keys is the order in the file. */
  row: z.ZodObject;
  /** Document field → column, where the column is not the field in snake_case. */
  columns?: Record<string, string>;
  /** The row's identity in the document (unique across the database). Default "id". */
  idField?: string | null;
  /** Fields that point at another table of the document: field → that table's key. */
  refs?: Record<string, string>;
  /** Fields that hold an account id in the database and an email in the document. */
  userRefs?: string[];
  /** Rows shared between series (organisations, people): an existing id is reused, not refused. */
  shared?: boolean;
  /** The document holds one object, not a list (the series itself). */
  single?: boolean;
  /** Tables added after format version 1 was first written: older documents may leave them out. */
  optional?: boolean;
  /** Fields whose values sort the rows, so that two exports of the same data are identical. */
  order: string[];
  /** The rows that belong to the series (repositories/transfer-scopes.repository.ts). */
  select(db: Conn, seriesId: string): Promise<DbRow[]>;
}

const str = (max: number) => z.string().max(max);
const Instant = z.string().min(1).max(40);
const NullableInstant = Instant.nullable();

export const TRANSFER_TABLES: TransferTable[] = [
  {
    key: 'series',
    table: 'series',
    single: true,
    row: z.strictObject({
      id: Id,
      slug: str(80).min(2),
      title: str(300).min(1),
      trackLabel: str(60),
      description: str(5000),
      kAnonymity: KAnonymity.default(K_ANONYMITY_DEFAULT),
      createdAt: Instant,
    }),
    order: ['id'],
    select: seriesRows.series,
  },
  {
    key: 'organisations',
    table: 'organisations',
    shared: true,
    row: z.strictObject({
      id: Id,
      name: str(200).min(1),
      shortName: str(40),
      country: str(100),
      website: z.union([HttpUrl(300), z.literal('')]),
      createdAt: Instant,
    }),
    order: ['id'],
    select: seriesRows.organisations,
  },
  {
    key: 'organisationParts',
    table: 'series_organisations',
    idField: null,
    row: z.strictObject({
      seriesId: Id,
      organisationId: Id,
      part: z.enum(ORGANISATION_PARTS),
      position: z.number().int(),
    }),
    refs: { seriesId: 'series', organisationId: 'organisations' },
    order: ['position', 'organisationId'],
    select: seriesRows.organisationParts,
  },
  {
    key: 'delegations',
    table: 'delegations',
    row: z.strictObject({
      id: Id,
      seriesId: Id,
      name: str(100).min(1),
      position: z.number().int(),
    }),
    refs: { seriesId: 'series' },
    order: ['position', 'id'],
    select: seriesRows.delegations,
  },
  {
    key: 'people',
    table: 'people',
    shared: true,
    row: z.strictObject({
      id: Id,
      fullName: str(200).min(1),
      honorific: str(40),
      affiliation: str(300),
      background: z.enum(BACKGROUNDS),
      gender: z.enum(GENDERS),
      createdAt: Instant,
    }),
    order: ['id'],
    // Everyone who takes part in a round of the series, chairs a session or reports on one.
    select: seriesRows.people,
  },
  {
    key: 'rounds',
    table: 'rounds',
    row: z.strictObject({
      id: Id,
      seriesId: Id,
      number: z.number().int().min(1),
      city: str(100).min(1),
      country: str(100).min(1),
      venue: str(200),
      startsOn: IsoDate,
      endsOn: IsoDate,
      umbrellaTheme: str(500),
      status: z.enum(ROUND_STATUSES),
      previousRoundId: Id.nullable(),
      // Added in the same format version: older documents read as UTC.
      timeZone: TimeZone.default('UTC'),
    }),
    refs: { seriesId: 'series', previousRoundId: 'rounds' },
    order: ['number', 'id'],
    select: seriesRows.rounds,
  },
  {
    key: 'sessions',
    table: 'sessions',
    row: z.strictObject({
      id: Id,
      roundId: Id,
      kind: z.enum(SESSION_KINDS),
      position: z.number().int(),
      title: str(500).min(1),
      startsAt: NullableInstant,
      endsAt: NullableInstant,
      chairPersonId: Id.nullable(),
      rapporteurPersonId: Id.nullable(),
      attributionRule: z.enum(ATTRIBUTION_RULES),
      status: z.enum(SESSION_STATUSES),
    }),
    refs: { roundId: 'rounds', chairPersonId: 'people', rapporteurPersonId: 'people' },
    order: ['roundId', 'position', 'id'],
    select: seriesRows.sessions,
  },
  {
    key: 'participations',
    table: 'participations',
    row: z.strictObject({
      id: Id,
      roundId: Id,
      personId: Id,
      delegationId: Id.nullable(),
      role: z.enum(PARTICIPATION_ROLES),
      capacity: z.enum(CAPACITIES),
      status: z.enum(PARTICIPATION_STATUSES),
      nominatedBy: z.string().nullable(),
      approvedBy: z.string().nullable(),
      createdAt: Instant,
      updatedAt: Instant,
    }),
    refs: { roundId: 'rounds', personId: 'people', delegationId: 'delegations' },
    userRefs: ['nominatedBy', 'approvedBy'],
    order: ['roundId', 'id'],
    select: seriesRows.participations,
  },
  {
    key: 'seriesMembers',
    table: 'series_members',
    row: z.strictObject({
      id: Id,
      seriesId: Id,
      userEmail: z.string(),
      role: z.enum(SERIES_ROLES),
      delegationId: Id.nullable(),
      createdAt: Instant,
    }),
    columns: { userEmail: 'user_id' },
    refs: { seriesId: 'series', delegationId: 'delegations' },
    userRefs: ['userEmail'],
    order: ['id'],
    select: seriesRows.seriesMembers,
  },
  // Deliberation (migrations 0002+). Not carried: analysis_results and live_events (derived,
  // recomputed from votes) and superseded_votes (bookkeeping that recognises retried requests).
  {
    key: 'statements',
    table: 'statements',
    optional: true,
    row: z.strictObject({
      id: Id,
      sessionId: Id,
      kind: z.enum(STATEMENT_KINDS),
      text: str(20_000),
      translation: str(20_000),
      language: str(20),
      authorUserId: z.string().nullable(),
      authorParticipationId: Id.nullable(),
      origin: str(40),
      status: z.enum(STATEMENT_STATUSES),
      rejectionReason: str(2000).nullable(),
      mergedIntoId: Id.nullable(),
      isMeta: z.number().int().min(0).max(1),
      position: z.number().int(),
      createdAt: Instant,
      updatedAt: Instant,
    }),
    refs: {
      sessionId: 'sessions',
      authorParticipationId: 'participations',
      mergedIntoId: 'statements',
    },
    userRefs: ['authorUserId'],
    order: ['sessionId', 'position', 'id'],
    select: seriesRows.statements,
  },
  {
    key: 'statementRevisions',
    table: 'statement_revisions',
    optional: true,
    row: z.strictObject({
      id: Id,
      statementId: Id,
      text: str(20_000),
      translation: str(20_000),
      editedBy: z.string().nullable(),
      reason: str(2000),
      at: Instant,
    }),
    refs: { statementId: 'statements' },
    userRefs: ['editedBy'],
    order: ['statementId', 'at', 'id'],
    select: seriesRows.statementRevisions,
  },
  {
    key: 'votes',
    table: 'votes',
    optional: true,
    idField: 'clientVoteId',
    row: z.strictObject({
      clientVoteId: str(200).min(1),
      sessionId: Id,
      statementId: Id,
      participationId: Id,
      value: z.union(VOTE_VALUES.map((v) => z.literal(v))),
      createdAt: Instant,
      updatedAt: Instant,
    }),
    refs: { sessionId: 'sessions', statementId: 'statements', participationId: 'participations' },
    order: ['sessionId', 'statementId', 'participationId'],
    select: seriesRows.votes,
  },
  // Outcomes (migration 0004): outcome items and evidence, conclusions and endorsements, the
  // rapporteur's report and its review comments, revisions, recommendations, statements asked again.
  ...OUTCOME_TRANSFER_TABLES,
  // The public report (migration 0005): drafts, published versions, comments (no emails).
  ...REPORT_TRANSFER_TABLES,
];

/** The database column of a document field. */
export function columnOf(table: TransferTable, field: string): string {
  return table.columns?.[field] ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The document fields of a table, in file order. */
export const fieldsOf = (table: TransferTable): string[] => Object.keys(table.row.shape);

/** The identity field of a table's rows, or null when rows have none of their own. */
export const idFieldOf = (table: TransferTable): string | null =>
  table.idField === undefined ? 'id' : table.idField;
