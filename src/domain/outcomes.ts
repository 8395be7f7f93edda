import { z } from 'zod';
import { HttpUrl, Id, IsoDate, IsoDateTime, PageQuery, Text } from './common.ts';
import { CLASSIFICATIONS } from './analysis.ts';
import { Language } from './statements.ts';

/**
 * What comes out of a round (issue 6): the rapporteur's workbench of outcome items with their
 * evidence, the agreed conclusions endorsed per delegation, the rapporteur's report with its
 * private review, and recommendations followed from round to round.
 */

export const OUTCOME_TYPES = [
  'idea',
  'mechanism',
  'area_of_convergence',
  'area_of_divergence',
  'recommendation',
  'information_gap',
] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

/**
 * Who may read an outcome item: draft (rapporteurs, organisers, moderators), participants (also
 * the round's participants), public (approved for publication by an organiser: the public report
 * may carry it; the Chatham House Plus quoting check has passed).
 */
export const OUTCOME_VISIBILITIES = ['draft', 'participants', 'public'] as const;
export type OutcomeVisibility = (typeof OUTCOME_VISIBILITIES)[number];

export const RAPPORTEUR_REPORT_STATUSES = [
  'draft',
  'in_review',
  'approved_for_publication',
] as const;
export type RapporteurReportStatus = (typeof RAPPORTEUR_REPORT_STATUSES)[number];

export const RECOMMENDATION_STATUSES = [
  'proposed',
  'agreed',
  'transmitted',
  'acknowledged',
  'echoed_in_official_statements',
  'implemented',
  'dropped',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
/** A recommendation in one of these is closed: taken up, or given up. */
export const CLOSED_RECOMMENDATION_STATUSES: readonly RecommendationStatus[] = [
  'implemented',
  'dropped',
];

/** Outcome texts are Markdown, rendered and sanitised by whoever shows them. */
export const OUTCOME_BODY_MAX = 50_000;
const Body = z.string().max(OUTCOME_BODY_MAX, `must be at most ${OUTCOME_BODY_MAX} characters`);
/** The version the client's edit was based on: a stale one is refused with the current text (409). */
const BaseVersion = z.number({ error: 'must be the version your edit is based on' }).int().min(0);

/** A delegation's aggregate figures on a statement, as the analysis showed them. */
export const DelegationShare = z.object({
  delegationId: Id,
  name: z.string(),
  agreeShare: z.number(),
  seen: z.number().int(),
});

/** The analysis figures of a statement frozen when it was linked as evidence. Aggregates only. */
export const EvidenceSnapshot = z.object({
  /** When the release these figures come from was made (null: none yet). */
  analysedAt: z.string().nullable(),
  /** Null where the release withheld the statement's counts (fewer than k voters). */
  agree: z.number().int().nullable(),
  disagree: z.number().int().nullable(),
  pass: z.number().int().nullable(),
  classification: z.enum(CLASSIFICATIONS).nullable(),
  bridging: z.number().nullable(),
  delegations: z.array(DelegationShare),
});
export type EvidenceSnapshot = z.infer<typeof EvidenceSnapshot>;

export const Evidence = z.object({
  statementId: Id,
  sessionId: Id,
  text: z.string(),
  /** False under Chatham House Rule Plus: public outputs may not quote it verbatim. */
  quotable: z.boolean(),
  linkedAt: z.string(),
  figures: EvidenceSnapshot,
});

export const OutcomeItem = z.object({
  id: Id,
  roundId: Id,
  sessionId: Id,
  type: z.enum(OUTCOME_TYPES),
  title: z.string(),
  body: z.string(),
  visibility: z.enum(OUTCOME_VISIBILITIES),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  evidence: z.array(Evidence),
});
export type OutcomeItem = z.infer<typeof OutcomeItem>;

export const OutcomeItemInput = z.strictObject({
  sessionId: Id,
  type: z.enum(OUTCOME_TYPES),
  title: Text(300),
  body: Body.default(''),
  /** Statements of the same session cited as evidence; their figures are frozen now. */
  statementIds: z.array(Id).max(100).default([]),
});

/** An edit names the version it started from; fields left out stay as they are. */
export const OutcomeItemPatch = z
  .strictObject({
    baseVersion: BaseVersion,
    title: Text(300).optional(),
    body: Body.optional(),
    type: z.enum(OUTCOME_TYPES).optional(),
  })
  .refine((p) => p.title !== undefined || p.body !== undefined || p.type !== undefined, {
    message: 'give title, body or type',
    path: ['body'],
  });

export const EvidenceInput = z.strictObject({
  statementIds: z.array(Id).min(1, 'name at least one statement').max(100),
});
export const VisibilityInput = z.strictObject({ visibility: z.enum(OUTCOME_VISIBILITIES) });
export const OutcomeListQuery = PageQuery.extend({
  sessionId: Id.optional(),
  type: z.enum(OUTCOME_TYPES).optional(),
});

/** One version of an outcome text, the current one included. Who wrote it is not shown. */
export const Revision = z.object({
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  at: z.string(),
});

/** The body of a 409 for a stale edit: the current text, so the client can show the conflict. */
export const VersionConflictBody = z.object({
  version: z.number().int(),
  title: z.string().optional(),
  body: z.string(),
});

export const Conclusions = z.object({
  roundId: Id,
  body: z.string(),
  version: z.number().int(),
  /** Set once every delegation has endorsed the current version: the text no longer changes. */
  frozenAt: z.string().nullable(),
  endorsements: z.array(
    z.object({
      delegationId: Id,
      delegation: z.string(),
      endorsed: z.boolean(),
      at: z.string().nullable(),
    }),
  ),
  updatedAt: z.string(),
});
export const ConclusionsInput = z.strictObject({
  baseVersion: BaseVersion,
  body: Body.pipe(Text(OUTCOME_BODY_MAX)),
});
/** The head endorses the version they read; a newer one must be read first (409). */
export const EndorsementInput = z.strictObject({ version: z.number().int().min(1) });

export const RapporteurReport = z.object({
  roundId: Id,
  body: z.string(),
  version: z.number().int(),
  status: z.enum(RAPPORTEUR_REPORT_STATUSES),
  reviewEndsAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export const RapporteurReportInput = z.strictObject({ baseVersion: BaseVersion, body: Body });
export const ReviewInput = z.strictObject({ reviewEndsAt: IsoDateTime });
/** A private review comment. Its author is named only to the rapporteurs and organisers. */
export const ReviewComment = z.object({
  id: Id,
  body: z.string(),
  at: z.string(),
  mine: z.boolean(),
  author: z.object({ name: z.string() }).nullable(),
});
export const ReviewCommentInput = z.strictObject({ body: Text(5000) });

const Addressees = z.array(Text(200)).max(30).default([]);
export const Recommendation = z.object({
  id: Id,
  /** Stable across the series: R<round number>.<number in the round>. */
  code: z.string(),
  roundId: Id,
  roundNumber: z.number().int(),
  originSessionId: Id.nullable(),
  title: z.string(),
  body: z.string(),
  addressees: z.array(z.string()),
  status: z.enum(RECOMMENDATION_STATUSES),
  history: z.array(
    z.object({
      status: z.enum(RECOMMENDATION_STATUSES),
      on: z.string(),
      evidence: z.string(),
      evidenceUrl: z.string().nullable(),
      at: z.string(),
    }),
  ),
  /** Later rounds whose agenda it was carried into. */
  carriedInto: z.array(z.object({ roundId: Id, roundNumber: z.number().int(), at: z.string() })),
  /** In a round's list: true when it comes from an earlier round, carried into this one. */
  carried: z.boolean(),
  createdAt: z.string(),
});
export type Recommendation = z.infer<typeof Recommendation>;
export const RecommendationInput = z.strictObject({
  title: Text(300),
  body: Body.default(''),
  originSessionId: Id.nullable().default(null),
  addressees: Addressees,
});
export const RecommendationPatch = z
  .strictObject({
    title: Text(300).optional(),
    body: Body.optional(),
    addressees: z.array(Text(200)).max(30).optional(),
  })
  .refine((p) => p.title !== undefined || p.body !== undefined || p.addressees !== undefined, {
    message: 'give title, body or addressees',
    path: ['title'],
  });
/** Every change of status carries its date and evidence: without them, 400 naming the field. */
export const StatusChangeInput = z.strictObject({
  status: z.enum(RECOMMENDATION_STATUSES),
  on: IsoDate,
  evidence: z.strictObject({ text: Text(2000), url: HttpUrl(500).optional() }),
});
export const CarryInput = z.strictObject({ roundId: Id });

/** Links a later statement to the earlier one it asks again (POST /statements/{earlier}/asked-again-as). */
export const AskedAgainInput = z.strictObject({ statementId: Id });
export const StatementRepeat = z.object({ statementId: Id, repeatOfId: Id, at: z.string() });

/** One delegation's agree share on a statement in one round, ready to chart. */
const ConvergencePoint = z.object({
  roundId: Id,
  roundNumber: z.number().int(),
  statementId: Id,
  text: z.string(),
  classification: z.enum(CLASSIFICATIONS).nullable(),
  /** Null where the round's release withheld them (fewer than k voters). */
  agree: z.number().int().nullable(),
  disagree: z.number().int().nullable(),
  pass: z.number().int().nullable(),
  delegations: z.array(DelegationShare),
});
export const Continuity = z.object({
  seriesId: Id,
  rounds: z.array(
    z.object({
      roundId: Id,
      number: z.number().int(),
      startsOn: z.string(),
      recommendations: z.object({
        new: z.array(z.string()),
        carried: z.array(z.string()),
        closed: z.array(z.string()),
      }),
    }),
  ),
  /** Each thread is one question asked in several rounds, oldest first. */
  askedAgain: z.array(z.object({ points: z.array(ConvergencePoint) })),
});

/**
 * A Polis export to bring into a round as a new, closed session: file name → CSV text
 * (comments.csv, and votes.csv or participants-votes.csv; summary.csv for the topic).
 */
/** The largest import the API takes (bytes of JSON); bigger conversations go through the CLI. */
export const POLIS_IMPORT_BODY_LIMIT = 32 * 1024 * 1024;
export const PolisImportInput = z.object({
  /** Defaults to summary.csv's topic. */
  title: Text(500).optional(),
  attributionRule: z
    .enum(['on_record', 'chatham_house', 'chatham_house_plus'])
    .default('chatham_house'),
  /** The comments' language tag; `und` (undetermined) unless given. */
  language: Language.default('und'),
  files: z.strictObject({
    'comments.csv': z.string(),
    'votes.csv': z.string().optional(),
    'participants-votes.csv': z.string().optional(),
    'summary.csv': z.string().optional(),
  }),
});
export const PolisImportResult = z.object({
  sessionId: Id,
  statements: z.number().int(),
  participants: z.number().int(),
  votes: z.number().int(),
});

export const PolisExportQuery = z.object({ format: z.enum(['json', 'zip']).default('json') });
export const PolisExportFiles = z.object({
  format: z.literal('polis'),
  sessionId: Id,
  /** File name → CSV text: summary.csv, comments.csv, votes.csv, participants-votes.csv. */
  files: z.record(z.string(), z.string()),
});
