import type { z } from 'zod';
import type {
  Conclusions,
  Continuity,
  Evidence,
  OutcomeItem,
  OutcomeType,
  OutcomeVisibility,
  RapporteurReport,
  Recommendation,
  RecommendationStatus,
  Revision,
  ReviewComment,
} from '../../domain/outcomes.ts';
import type { Comment, Report } from '../../domain/reports.ts';
import { ApiError, api } from './client.ts';

/** The outcome answers as the web app reads them (schemas in src/domain/outcomes.ts and reports.ts). */
export type OutcomeItemView = OutcomeItem;
export type EvidenceView = z.infer<typeof Evidence>;
export type RevisionView = z.infer<typeof Revision>;
export type ConclusionsView = z.infer<typeof Conclusions>;
export type RapporteurReportView = z.infer<typeof RapporteurReport>;
export type ReviewCommentView = z.infer<typeof ReviewComment>;
export type RecommendationView = Recommendation;
export type ContinuityView = z.infer<typeof Continuity>;
export type PublicReportView = Report;
export type PublicCommentView = z.infer<typeof Comment>;

/** The text someone saved in between, carried by a 409 for a stale baseVersion. */
export interface ConflictingVersion {
  version: number;
  title?: string;
  body: string;
}

export function conflictOf(error: unknown): ConflictingVersion | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = error.problem.current as ConflictingVersion | undefined;
  return current && typeof current.version === 'number' && typeof current.body === 'string'
    ? current
    : null;
}

/*
 * The enumerations, copied so the page chunk does not pull zod in with src/domain/outcomes.ts;
 * `satisfies` keeps each copy exactly in step with the domain's list (a difference is a compile error).
 */
type Exactly<T extends readonly string[], U extends string> = [U] extends [T[number]] ? T : never;
export const OUTCOME_TYPES = [
  'idea',
  'mechanism',
  'area_of_convergence',
  'area_of_divergence',
  'recommendation',
  'information_gap',
] as const satisfies readonly OutcomeType[];
export const OUTCOME_VISIBILITIES = [
  'draft',
  'participants',
  'public',
] as const satisfies readonly OutcomeVisibility[];
export const RECOMMENDATION_STATUSES = [
  'proposed',
  'agreed',
  'transmitted',
  'acknowledged',
  'echoed_in_official_statements',
  'implemented',
  'dropped',
] as const satisfies readonly RecommendationStatus[];
export const ALL_LISTED: [
  Exactly<typeof OUTCOME_TYPES, OutcomeType>,
  Exactly<typeof OUTCOME_VISIBILITIES, OutcomeVisibility>,
  Exactly<typeof RECOMMENDATION_STATUSES, RecommendationStatus>,
] = [OUTCOME_TYPES, OUTCOME_VISIBILITIES, RECOMMENDATION_STATUSES];

/** GET that answers null for a 404: conclusions and the rapporteur's report do not exist until first drafted. */
export async function getOrNull<T>(path: string): Promise<T | null> {
  try {
    return await api.get<T>(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
