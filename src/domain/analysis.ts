import { z } from 'zod';
import { Id } from './common.ts';
import { BACKGROUNDS } from './enums.ts';

/**
 * The analysis of a session as viewers may see it: aggregates only. No participant id, name or
 * individual vote appears anywhere; breakdowns by delegation or background describe at least
 * k people (smaller ones are withheld, small background categories pooled into "other").
 */

export const CLASSIFICATIONS = [
  'convergence',
  'shared-rejection',
  'divergence',
  'contested-within',
  'uncertain',
] as const;

const Shares = {
  agrees: z.number().int(),
  disagrees: z.number().int(),
  passes: z.number().int(),
  seen: z.number().int(),
  agreeShare: z.number(),
  /** Wilson 90% interval of the agree share. */
  wilson90: z.tuple([z.number(), z.number()]),
  /** Fewer than k of this category saw the statement: say "too few votes", not a percentage. */
  tooFewVotes: z.boolean(),
};

export const DelegationBar = z.object({ delegationId: Id, name: z.string(), ...Shares });
export const BackgroundBar = z.object({ background: z.enum(BACKGROUNDS), ...Shares });

export const StatementAnalysis = z.object({
  statementId: Id,
  /** Where a lone agreer with this statement would sit on the opinion map. */
  x: z.number(),
  y: z.number(),
  agrees: z.number().int(),
  disagrees: z.number().int(),
  passes: z.number().int(),
  seen: z.number().int(),
  classification: z.enum(CLASSIFICATIONS).nullable(),
  /** The lowest smoothed agree share over delegations: how well every side can live with it. */
  bridging: z.number().nullable(),
  delegations: z.array(DelegationBar),
  backgrounds: z.array(BackgroundBar),
});

export const OpinionGroup = z.object({
  id: z.number().int(),
  size: z.number().int(),
  centre: z.tuple([z.number(), z.number()]),
  representative: z.array(
    z.object({
      statementId: Id,
      direction: z.enum(['agree', 'disagree']),
      agrees: z.number().int(),
      disagrees: z.number().int(),
      seen: z.number().int(),
    }),
  ),
});

export const AnalysisSummary = z.object({
  sessionId: Id,
  /** When the analysis ran, and the time of the newest vote it includes. */
  computedAt: z.string(),
  describesUntil: z.string(),
  voteCount: z.number().int(),
  /** The k of non-attribution: no breakdown describes fewer people. */
  k: z.number().int(),
  counts: z.object({
    participants: z.number().int(),
    statements: z.number().int(),
    votes: z.number().int(),
  }),
  noOpinionStructure: z.boolean(),
  /** The opinion map: positions and group ids only, in no particular order (never who is where). */
  points: z.array(z.object({ x: z.number(), y: z.number(), group: z.number().int() })),
  groups: z.array(OpinionGroup),
  statements: z.array(StatementAnalysis),
  consensus: z.object({ agree: z.array(Id), disagree: z.array(Id) }),
  /** Statements every side can live with, best first. */
  pathways: z.array(Id),
  /** Statements passed by more than 30% of those who saw them. */
  uncertain: z.array(Id),
  /** How many delegations and background categories were too small to show on their own. */
  withheld: z.object({ delegations: z.number().int(), backgrounds: z.number().int() }),
});
export type AnalysisSummary = z.infer<typeof AnalysisSummary>;

export const SessionAnalysis = z.object({
  sessionId: Id,
  title: z.string(),
  /** Null until the first votes have been analysed. */
  analysis: AnalysisSummary.nullable(),
});

export const RoundAnalysis = z.object({ roundId: Id, sessions: z.array(SessionAnalysis) });
export type RoundAnalysis = z.infer<typeof RoundAnalysis>;

/** Data of the `vote-counts` live event: per statement totals only. */
export const LiveVoteCounts = z.object({
  sessionId: Id,
  describesUntil: z.string(),
  statements: z.array(
    z.object({
      statementId: Id,
      agree: z.number().int(),
      disagree: z.number().int(),
      pass: z.number().int(),
    }),
  ),
});
export type LiveVoteCounts = z.infer<typeof LiveVoteCounts>;
