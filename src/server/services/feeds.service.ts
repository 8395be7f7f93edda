import { PUBLIC } from '../auth/actor.ts';
import type { RoundsTable, SeriesTable, SessionsTable } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { sessionsPolicy } from '../policies/sessions.policy.ts';
import { dialogueSessionsRepo } from '../repositories/dialogue-sessions.repository.ts';
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
  timeZone: string;
}

export interface FeedSession {
  id: string;
  title: string;
  startsAt: string | null;
  endsAt: string | null;
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
      out.push(feedRound(s, r));
    }
  }
  return out;
}

const feedRound = (s: SeriesTable, r: RoundsTable): FeedRound => ({
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
  timeZone: r.time_zone,
});

const feedSession = (s: SessionsTable): FeedSession => ({
  id: s.id,
  title: s.title,
  startsAt: s.starts_at,
  endsAt: s.ends_at,
});

async function roundWithSeries(deps: Deps, roundId: string) {
  const round = await roundsRepo.find(deps.db.kysely, roundId);
  const series = round && (await seriesRepo.find(deps.db.kysely, round.series_id));
  if (!round || !series) throw notFound('round');
  return feedRound(series, round);
}

/** A round and its sessions, for its .ics (the agenda is announced: sessionsPolicy.read). */
export async function roundCalendar(deps: Deps, roundId: string) {
  if (!roundsPolicy.read(PUBLIC) || !sessionsPolicy.read(PUBLIC)) throw notFound('round');
  const round = await roundWithSeries(deps, roundId);
  const { rows } = await dialogueSessionsRepo.listByRound(deps.db.kysely, roundId, EVERYTHING);
  return { round, sessions: rows.map(feedSession) };
}

/** One session and its round, for its .ics. */
export async function sessionCalendar(deps: Deps, sessionId: string) {
  const session = await dialogueSessionsRepo.find(deps.db.kysely, sessionId);
  if (!session || !sessionsPolicy.read(PUBLIC)) throw notFound('session');
  return { round: await roundWithSeries(deps, session.round_id), session: feedSession(session) };
}
