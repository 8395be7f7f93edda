import { formatInstant } from '../../domain/time.ts';
import type { FeedRound, FeedSession } from '../services/feeds.service.ts';
import { roundPath } from './report.page.ts';

/**
 * RFC 5545 TEXT: backslash, semicolon and comma escaped; every line break (CRLF, LF or a bare CR,
 * which some readers take as a line end and so as a new property) becomes \n.
 */
export const icsText = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** Lines longer than 75 octets are folded (CRLF and a space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = parts.length ? 74 : 75; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const icsDate = (iso: string) => iso.replace(/-/g, '');
const dayAfter = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

const utc = (iso: string) => stamp(new Date(iso));

function calendar(name: string, events: string[][], zone?: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Parley//Dialogue rounds//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(name)}`,
    ...(zone ? [`X-WR-TIMEZONE:${zone}`] : []),
    ...events.flat(),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

const hostOf = (publicUrl: string) => new URL(publicUrl).hostname || 'parley';
const placeOf = (r: FeedRound) => [r.venue, r.city, r.country].filter(Boolean).join(', ');

/** A round as an all-day event (DTEND is the day after the last, as RFC 5545 says). */
function roundEvent(r: FeedRound, publicUrl: string, now: Date): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:round-${r.id}@${hostOf(publicUrl)}`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART;VALUE=DATE:${icsDate(r.startsOn)}`,
    `DTEND;VALUE=DATE:${icsDate(dayAfter(r.endsOn))}`,
    `SUMMARY:${icsText(`${r.seriesTitle}: round ${r.number}`)}`,
    `LOCATION:${icsText(placeOf(r))}`,
    ...(r.umbrellaTheme ? [`DESCRIPTION:${icsText(r.umbrellaTheme)}`] : []),
    `URL:${publicUrl}${roundPath(r.slug, r.number)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/**
 * A session at its instant, in UTC (every calendar converts it to its reader's zone); the venue's
 * own wall time is written in the description ("09:30 PKT, 5 April 2026"). An untimed session is
 * an all-day event over its round.
 */
function sessionEvent(r: FeedRound, s: FeedSession, publicUrl: string, now: Date): string[] {
  const start = s.startsAt;
  const end = s.endsAt ?? (start ? new Date(Date.parse(start) + 3_600_000).toISOString() : null);
  const when = start
    ? [`DTSTART:${utc(start)}`, `DTEND:${utc(end!)}`]
    : [
        `DTSTART;VALUE=DATE:${icsDate(r.startsOn)}`,
        `DTEND;VALUE=DATE:${icsDate(dayAfter(r.endsOn))}`,
      ];
  const venueTime = start
    ? `${formatInstant(start, r.timeZone)}${s.endsAt ? ` – ${formatInstant(s.endsAt, r.timeZone)}` : ''}`
    : 'Time to be announced';
  return [
    'BEGIN:VEVENT',
    `UID:session-${s.id}@${hostOf(publicUrl)}`,
    `DTSTAMP:${stamp(now)}`,
    ...when,
    `SUMMARY:${icsText(s.title)}`,
    `LOCATION:${icsText(placeOf(r))}`,
    `DESCRIPTION:${icsText(`${r.seriesTitle}, round ${r.number}. ${venueTime} (${r.timeZone}).`)}`,
    `URL:${publicUrl}${roundPath(r.slug, r.number)}`,
    'END:VEVENT',
  ];
}

/** An iCalendar of every public round as an all-day event. */
export function renderRoundsIcs(rounds: FeedRound[], publicUrl: string, now: Date): string {
  return calendar(
    'Parley dialogue rounds',
    rounds.map((r) => roundEvent(r, publicUrl, now)),
  );
}

/** One round: the round itself and each of its sessions. */
export function renderRoundIcs(
  round: FeedRound,
  sessions: FeedSession[],
  publicUrl: string,
  now: Date,
): string {
  return calendar(
    `${round.seriesTitle}: round ${round.number}`,
    [
      roundEvent(round, publicUrl, now),
      ...sessions.map((s) => sessionEvent(round, s, publicUrl, now)),
    ],
    round.timeZone,
  );
}

/** One session of a round. */
export function renderSessionIcs(
  round: FeedRound,
  session: FeedSession,
  publicUrl: string,
  now: Date,
): string {
  return calendar(session.title, [sessionEvent(round, session, publicUrl, now)], round.timeZone);
}
