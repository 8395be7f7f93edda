import type { Kysely } from 'kysely';
import type { PublicOutcomeKind } from '../../domain/reports.ts';
import type { Database } from '../db/schema.ts';
import { outcomesRepo } from '../repositories/outcomes.repository.ts';
import { recommendationsRepo } from '../repositories/recommendations.repository.ts';
import type { ReportFacts } from './reports.compose.ts';

/** Outcome item types of the rapporteur's workbench → the public report's kinds. Information gaps stay internal. */
const KIND_OF_TYPE: Record<string, PublicOutcomeKind | undefined> = {
  idea: 'idea',
  mechanism: 'mechanism',
  area_of_convergence: 'convergence',
  area_of_divergence: 'divergence',
  recommendation: 'recommendation',
};
/** Recommendations the round stands behind: agreed or further on, never merely proposed, never dropped. */
export const PUBLISHABLE_RECOMMENDATION: readonly string[] = [
  'agreed',
  'transmitted',
  'acknowledged',
  'echoed_in_official_statements',
  'implemented',
];

const asText = (title: string, body: string) =>
  body.trim() ? `**${title.trim()}.** ${body.trim()}` : title.trim();

/**
 * The approved outcome items of a round, as the public report lists them: items an organiser
 * made public on the rapporteur's workbench and the round's own agreed recommendations with their
 * R-ids (both passed the Chatham House Rule Plus quoting check when saved and approved; composing
 * checks again). No author anywhere.
 */
export async function approvedOutcomesOf(
  db: Kysely<Database>,
  roundId: string,
): Promise<ReportFacts['outcomes']> {
  const [items, recommendations] = await Promise.all([
    outcomesRepo.publicItems(db, roundId),
    recommendationsRepo.listForRound(db, roundId),
  ]);
  const outcomes: ReportFacts['outcomes'] = [];
  for (const item of items) {
    const kind = KIND_OF_TYPE[item.type];
    if (kind) outcomes.push({ kind, text: asText(item.title, item.body) });
  }
  for (const r of recommendations) {
    if (r.round_id !== roundId || !PUBLISHABLE_RECOMMENDATION.includes(r.status)) continue;
    outcomes.push({
      kind: 'recommendation',
      text: asText(r.title, r.body),
      recommendationId: `R${r.round_number}.${r.number}`,
    });
  }
  return outcomes;
}
