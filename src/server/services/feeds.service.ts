import { PUBLIC } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { reportsPolicy } from '../policies/reports.policy.ts';
import { roundsPolicy } from '../policies/rounds.policy.ts';
import { parseReportText } from '../presenters/reports.presenter.ts';
import { reportsRepo } from '../repositories/reports.repository.ts';
import { roundsRepo } from '../repositories/rounds.repository.ts';
import { seriesRepo } from '../repositories/series.repository.ts';

const EVERYTHING = { limit: 200, offset: 0 };

export interface FeedReport {
  reportId: string;
  version: number;
  slug: string;
  seriesTitle: string;
  roundNumber: number;
  headline: string;
  firstParagraph: string;
  correctionNote: string;
  publishedAt: string;
}

/** The latest published version of every report, newest first (English text). */
export async function publishedReportsForFeed(deps: Deps, limit = 50): Promise<FeedReport[]> {
  if (!reportsPolicy.readPublished(PUBLIC)) return [];
  const rows = await reportsRepo.latestPublishedEverywhere(deps.db.kysely, limit);
  return rows.map((r) => {
    const text = parseReportText(r.text_en);
    return {
      reportId: r.report_id,
      version: r.version,
      slug: r.slug,
      seriesTitle: r.series_title,
      roundNumber: r.round_number,
      headline: text.headline,
      firstParagraph: text.sections[0]?.markdown ?? '',
      correctionNote: r.correction_note,
      publishedAt: r.published_at,
    };
  });
}

export interface FeedRound {
  id: string;
  slug: string;
  seriesTitle: string;
  number: number;
  city: string;
  country: string;
  venue: string;
  startsOn: string;
  endsOn: string;
  umbrellaTheme: string;
}

/** Every announced round of every series (places and dates are public). */
export async function publicRoundsForCalendar(deps: Deps): Promise<FeedRound[]> {
  if (!roundsPolicy.read(PUBLIC)) return [];
  const db = deps.db.kysely;
  const { rows: series } = await seriesRepo.list(db, EVERYTHING);
  const out: FeedRound[] = [];
  for (const s of series) {
    const { rows } = await roundsRepo.listBySeries(db, s.id, EVERYTHING);
    for (const r of rows) {
      out.push({
        id: r.id,
        slug: s.slug,
        seriesTitle: s.title,
        number: r.number,
        city: r.city,
        country: r.country,
        venue: r.venue,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        umbrellaTheme: r.umbrella_theme,
      });
    }
  }
  return out;
}
