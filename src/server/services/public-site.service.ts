import type { ReportLanguage, ReportText } from '../../domain/reports.ts';
import { PUBLIC } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { reportsPolicy } from '../policies/reports.policy.ts';
import { roundsPolicy } from '../policies/rounds.policy.ts';
import { seriesPolicy } from '../policies/series.policy.ts';
import { parseReportText } from '../presenters/reports.presenter.ts';
import { reportsRepo } from '../repositories/reports.repository.ts';
import { roundsRepo } from '../repositories/rounds.repository.ts';
import { seriesRepo } from '../repositories/series.repository.ts';
import { approvedThreads, type CommentThread } from './comments.service.ts';

const EVERYTHING = { limit: 500, offset: 0 };

/** A series as its public page shows it: announced facts and which rounds have a published report. */
export interface SeriesView {
  slug: string;
  title: string;
  trackLabel: string;
  description: string;
  organisations: Array<{ part: string; name: string; shortName: string }>;
  rounds: Array<{
    number: number;
    city: string;
    country: string;
    venue: string;
    startsOn: string;
    endsOn: string;
    umbrellaTheme: string;
    headline: string | null;
  }>;
}

export interface ReportView {
  series: { slug: string; title: string };
  round: {
    number: number;
    city: string;
    country: string;
    venue: string;
    startsOn: string;
    endsOn: string;
    timeZone: string;
  };
  reportId: string;
  version: number;
  publishedAt: string;
  /** Every correction after the first publication, oldest first. */
  corrections: Array<{ version: number; on: string; note: string }>;
  text: ReportText;
  comments: CommentThread[];
}

/** The public view of a series, or null when there is none with this slug. Everything here is announced. */
export async function loadSeriesView(
  deps: Deps,
  slug: string,
  lang: ReportLanguage,
): Promise<SeriesView | null> {
  const db = deps.db.kysely;
  const series = await seriesRepo.findBySlug(db, slug);
  if (!series || !seriesPolicy.read(PUBLIC)) return null;
  const [organisations, rounds, published] = await Promise.all([
    seriesRepo.organisations(db, [series.id]),
    roundsPolicy.read(PUBLIC) ? roundsRepo.listBySeries(db, series.id, EVERYTHING) : { rows: [] },
    reportsRepo.publishedRoundsOfSeries(db, series.id),
  ]);
  const headlines = new Map<string, string>();
  for (const p of published) {
    const version = await reportsRepo.latestPublished(db, p.report_id);
    if (version)
      headlines.set(
        p.round_id,
        parseReportText(lang === 'ur' ? version.text_ur : version.text_en).headline,
      );
  }
  return {
    slug: series.slug,
    title: series.title,
    trackLabel: series.track_label,
    description: series.description,
    organisations: organisations.map((o) => ({
      part: o.part,
      name: o.name,
      shortName: o.short_name,
    })),
    rounds: rounds.rows.map((r) => ({
      number: r.number,
      city: r.city,
      country: r.country,
      venue: r.venue,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      umbrellaTheme: r.umbrella_theme,
      headline: headlines.get(r.id) ?? null,
    })),
  };
}

/** The latest published version of a round's report in one language, or null (404) when none is published. */
export async function loadReportView(
  deps: Deps,
  slug: string,
  roundNumber: number,
  lang: ReportLanguage,
): Promise<ReportView | null> {
  const db = deps.db.kysely;
  const series = await seriesRepo.findBySlug(db, slug);
  if (!series || !reportsPolicy.readPublished(PUBLIC)) return null;
  const round = (await roundsRepo.listBySeries(db, series.id, EVERYTHING)).rows.find(
    (r) => r.number === roundNumber,
  );
  const report = round && (await reportsRepo.findByRound(db, round.id));
  const latest = report && (await reportsRepo.latestPublished(db, report.id));
  if (!round || !report || !latest) return null;
  const versions = await reportsRepo.versions(db, report.id);
  return {
    series: { slug: series.slug, title: series.title },
    round: {
      number: round.number,
      city: round.city,
      country: round.country,
      venue: round.venue,
      startsOn: round.starts_on,
      endsOn: round.ends_on,
      timeZone: round.time_zone,
    },
    reportId: report.id,
    version: latest.version,
    publishedAt: latest.published_at,
    corrections: versions
      .filter((v) => v.version > 1)
      .map((v) => ({ version: v.version, on: v.published_at, note: v.correction_note })),
    text: parseReportText(lang === 'ur' ? latest.text_ur : latest.text_en),
    comments: await approvedThreads(deps, report.id),
  };
}
