import { z } from 'zod';
import { Id, IsoDateTime, OptionalText, Text } from './common.ts';

/** The languages a public outcome report is written in. */
export const REPORT_LANGUAGES = ['en', 'ur'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** draft: being edited; approved: a person approved this text for publication; published: the draft is what the public sees. */
export const REPORT_STATUSES = ['draft', 'approved', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The kinds of approved outcome the public report lists (from the rapporteur's workbench). */
export const PUBLIC_OUTCOME_KINDS = [
  'idea',
  'mechanism',
  'convergence',
  'divergence',
  'recommendation',
] as const;
export type PublicOutcomeKind = (typeof PUBLIC_OUTCOME_KINDS)[number];

/** One section of a report: a heading (may be empty for the opening paragraphs) and Markdown. */
export const ReportSection = z.object({
  key: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'),
  heading: OptionalText(300),
  markdown: z.string().max(50_000, 'must be at most 50000 characters'),
});
export type ReportSection = z.infer<typeof ReportSection>;

/** The report's text in one language. */
export const ReportText = z.object({
  headline: Text(400),
  sections: z.array(ReportSection).max(40),
});
export type ReportText = z.infer<typeof ReportText>;

export const CommentStatus = z.enum(['pending', 'approved', 'rejected']);
export type CommentStatus = z.infer<typeof CommentStatus>;

export const Report = z.object({
  id: Id,
  roundId: Id,
  status: z.enum(REPORT_STATUSES),
  /** The edit version: send it back as baseVersion with a PATCH. */
  version: z.number().int(),
  /** The latest published version (0 when never published). */
  publishedVersion: z.number().int(),
  text: z.object({ en: ReportText, ur: ReportText }),
  approvedAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime,
});
export type Report = z.infer<typeof Report>;

export const ComposeReportInput = z.object({}).strict().optional();

export const ReportPatch = z
  .object({
    baseVersion: z.number().int().min(1),
    en: ReportText.optional(),
    ur: ReportText.optional(),
  })
  .strict();

export const PublishReportInput = z
  .object({
    /** Required from the second publication on: what was corrected. */
    correctionNote: z.string().trim().max(1000, 'must be at most 1000 characters').optional(),
  })
  .strict()
  .optional();

export const PublishedReport = z.object({
  reportId: Id,
  version: z.number().int(),
  publishedAt: IsoDateTime,
  correctionNote: z.string(),
});

/** What the public sends to leave a comment. website is the honeypot: people never see it. */
export const CommentInput = z.object({
  name: Text(120),
  email: z.union([z.literal(''), z.email('must be an email address').max(200)]).optional(),
  text: Text(4000),
  parentId: Id.optional(),
  website: z.string().max(500).optional(),
});
export type CommentInput = z.infer<typeof CommentInput>;

/** A comment as organisers see it in moderation (the email only here, never in public). */
export const Comment = z.object({
  id: Id,
  reportId: Id,
  parentId: Id.nullable(),
  name: z.string(),
  email: z.string(),
  text: z.string(),
  status: CommentStatus,
  createdAt: IsoDateTime,
});

export const CommentHeld = z.object({ status: z.literal('pending'), message: z.string() });

export const CommentsQuery = z.object({
  status: CommentStatus.default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ModerationInput = z.object({ decision: z.enum(['approve', 'reject']) }).strict();

/** Approval names the edit version the approver read: a newer text must be read first (409). */
export const ApproveReportInput = z.object({ version: z.number().int().min(1) }).strict();
