import { z } from 'zod';
import { Id } from './common.ts';
import { BACKGROUNDS } from './enums.ts';

/**
 * The analysis of a session as viewers may see it: released aggregates only. No participant id,
 * name, position or individual vote appears anywhere; every number describes at least k voters.
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
};

export const DelegationBar = z.object({ delegationId: Id, name: z.string(), ...Shares });
export const BackgroundBar = z.object({ background: z.enum(BACKGROUNDS), ...Shares });

export const Totals = z.object({
  agrees: z.number().int(),
  disagrees: z.number().int(),
  passes: z.number().int(),
  seen: z.number().int(),
});
export type Totals = z.infer<typeof Totals>;

/**
 * How far a statement's votes are broken down in this release: `none` (fewer than k voters, no
 * numbers), `total`, `delegations` (every delegation that voted has at least k voters on it), or
 * `backgrounds` (the final release, where every delegation x background cell has at least k).
 */
export const BREAKDOWN_LEVELS = ['none', 'total', 'delegations', 'backgrounds'] as const;

export const StatementAnalysis = z.object({
  statementId: Id,
  level: z.enum(BREAKDOWN_LEVELS),
  /** Null when fewer than k people have voted on it (level `none`). */
  totals: Totals.nullable(),
  /** Only where every delegation is shown (level `delegations` or `backgrounds`). */
  classification: z.enum(CLASSIFICATIONS).nullable(),
  /** The lowest smoothed agree share over delegations: how well every side can live with it. */
  bridging: z.number().nullable(),
  delegations: z.array(DelegationBar),
  backgrounds: z.array(BackgroundBar),
});
export type StatementAnalysis = z.infer<typeof StatementAnalysis>;

/** An opinion group of at least k members, drawn as an ellipse: centre and two-sigma spread. */
export const MapRegion = z.object({
  group: z.number().int(),
  size: z.number().int(),
  centre: z.tuple([z.number(), z.number()]),
  radii: z.tuple([z.number(), z.number()]),
  /** Angle of the first radius, in radians from the x axis. */
  angle: z.number(),
});
export type MapRegion = z.infer<typeof MapRegion>;

/**
 * The opinion map: groups as regions and statements at coarse positions (axes scaled to [-1, 1],
 * rounded to 0.05), never a participant's point. `notShown` counts groups under k, not drawn.
 */
export const OpinionMapData = z.object({
  regions: z.array(MapRegion),
  statements: z.array(z.object({ statementId: Id, x: z.number(), y: z.number() })),
  notShown: z.number().int(),
});

export const OpinionGroup = z.object({
  id: z.number().int(),
  size: z.number().int(),
  /** What sets the group apart, strongest first; counts inside a group are never released. */
  representative: z.array(z.object({ statementId: Id, direction: z.enum(['agree', 'disagree']) })),
});

/**
 * One release of a session's analysis (docs/confidentiality.md, "Releases"): the same for
 * everyone allowed to see it, made only when every number in it, and its difference from the
 * last release, describes at least k voters.
 */
export const AnalysisSummary = z.object({
  sessionId: Id,
  /** 1 for the first release, then one more for each. */
  release: z.number().int(),
  /** When it was released, to the second: the time of no single vote. */
  releasedAt: z.string(),
  /** The closed session's final state. */
  final: z.boolean(),
  /** The series' k: no released number describes fewer voters. */
  k: z.number().int(),
  counts: z.object({
    voters: z.number().int(),
    statements: z.number().int(),
    votes: z.number().int(),
  }),
  /** Votes cast or changed that wait for enough others before they can be released. */
  heldBack: z.number().int(),
  noOpinionStructure: z.boolean(),
  map: OpinionMapData,
  groups: z.array(OpinionGroup),
  statements: z.array(StatementAnalysis),
  consensus: z.object({ agree: z.array(Id), disagree: z.array(Id) }),
  /** Statements every side can live with, best first. */
  pathways: z.array(Id),
  /** Statements passed by more than 30% of those who saw them. */
  uncertain: z.array(Id),
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

/** Data of the `vote-counts` live event: per statement totals of the latest release only. */
export const LiveVoteCounts = z.object({
  sessionId: Id,
  release: z.number().int(),
  releasedAt: z.string(),
  statements: z.array(z.object({ statementId: Id, totals: Totals.nullable() })),
});
export type LiveVoteCounts = z.infer<typeof LiveVoteCounts>;
