import { z } from 'zod';
import { Id, PageQuery, Text } from './common.ts';
import { STATEMENT_KINDS, STATEMENT_STATUSES, VOTE_VALUES } from './enums.ts';

/** The longest statement, in characters after trimming: a sentence or two, not a speech. */
export const STATEMENT_MAX = 1000;

export const Language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'must be a language tag such as en or ur');
const Translation = z
  .string()
  .trim()
  .max(STATEMENT_MAX, `must be at most ${STATEMENT_MAX} characters`);

/** Agree, disagree and pass totals: aggregates only, never who voted what. */
export const VoteCounts = z.object({
  agree: z.number().int(),
  disagree: z.number().int(),
  pass: z.number().int(),
});
export type VoteCounts = z.infer<typeof VoteCounts>;

/** An earlier wording, kept when a moderator or the author changes the text. Never names the editor. */
export const StatementRevision = z.object({
  text: z.string(),
  translation: z.string(),
  reason: z.string(),
  replacedAt: z.string(),
});

/**
 * A statement as a viewer is allowed to see it. The author is sealed: `author` is set only in
 * on-the-record sessions; `mine` tells the requester which statements are their own.
 */
export const Statement = z.object({
  id: Id,
  sessionId: Id,
  kind: z.enum(STATEMENT_KINDS),
  text: z.string(),
  translation: z.string(),
  language: z.string(),
  origin: z.enum(['seeded', 'submitted']),
  status: z.enum(STATEMENT_STATUSES),
  /** Shown to the author and to moderators only. */
  rejectionReason: z.string().nullable(),
  mergedIntoId: Id.nullable(),
  position: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  mine: z.boolean(),
  author: z.object({ name: z.string() }).nullable(),
  /** False under Chatham House Plus and off the record: public outputs may not quote it verbatim. */
  quotable: z.boolean(),
  /** Totals of the session's latest release; null until it shows them (at least k voters). */
  counts: VoteCounts.nullable(),
  /** Earlier wordings; present for moderators and the author, absent for everyone else. */
  history: z.array(StatementRevision).optional(),
});
export type Statement = z.infer<typeof Statement>;

export const StatementInput = z.strictObject({
  kind: z.enum(STATEMENT_KINDS),
  text: Text(STATEMENT_MAX),
  translation: Translation.default(''),
  language: Language.default('en'),
});

/** The author fixing their own pending statement (a typo): at least one field. */
export const StatementPatch = z
  .strictObject({ text: Text(STATEMENT_MAX).optional(), translation: Translation.optional() })
  .refine((p) => p.text !== undefined || p.translation !== undefined, {
    message: 'give text or translation',
    path: ['text'],
  });

export const ModerationInput = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('approve') }),
  z.strictObject({ action: z.literal('reject'), reason: Text(500) }),
  /** Merge this duplicate into another statement of the same session. */
  z.strictObject({ action: z.literal('merge'), intoId: Id }),
  z.strictObject({
    action: z.literal('edit'),
    text: Text(STATEMENT_MAX),
    translation: Translation.optional(),
    reason: Text(500),
  }),
]);
export type ModerationInput = z.infer<typeof ModerationInput>;

export const StatementListQuery = PageQuery.extend({
  status: z.enum(STATEMENT_STATUSES).optional(),
});

/** A moderator's order for a session's approved statements: every approved one, once, first to last. */
export const StatementOrder = z.strictObject({
  statementIds: z
    .array(Id)
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length, {
      message: 'must not list a statement twice',
    }),
});
export type StatementOrder = z.infer<typeof StatementOrder>;

export const RevealAuthorInput = z.strictObject({ reason: Text(500) });
/** What an admin learns when revealing a sealed author for abuse (audited). */
export const RevealedAuthor = z.object({
  statementId: Id,
  author: z.object({
    userId: Id.nullable(),
    email: z.string().nullable(),
    displayName: z.string().nullable(),
    personName: z.string().nullable(),
  }),
});

const VoteValue = z.union(
  VOTE_VALUES.map((v) => z.literal(v)) as [z.ZodLiteral<-1>, z.ZodLiteral<0>, z.ZodLiteral<1>],
  {
    error: 'must be 1 (agree), -1 (disagree) or 0 (pass)',
  },
);

/** The client makes up `clientVoteId` once per vote, so a retry over bad Wi-Fi never counts twice. */
export const VoteInput = z.strictObject({
  clientVoteId: z.uuid('must be a UUID'),
  statementId: Id,
  value: VoteValue,
});

/** The voter's own vote on one statement: its current value and the id of the vote that set it. */
export const MyVote = z.object({
  clientVoteId: z.string(),
  statementId: Id,
  value: VoteValue,
  votedAt: z.string(),
});
export type MyVote = z.infer<typeof MyVote>;

/** The answer to a vote: the stored state; `replayed` when the clientVoteId had been seen before. */
export const VoteReceipt = MyVote.extend({ replayed: z.boolean() });

export const NextStatement = z.union([
  z.object({ done: z.literal(false), statement: Statement, remaining: z.number().int() }),
  z.object({ done: z.literal(true), message: z.string() }),
]);
export type NextStatement = z.infer<typeof NextStatement>;
