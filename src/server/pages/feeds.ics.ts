import type { FeedRound } from '../services/feeds.service.ts';
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

/** An iCalendar of every public round as an all-day event (DTEND is the day after the last, as RFC 5545 says). */
export function renderRoundsIcs(rounds: FeedRound[], publicUrl: string, now: Date): string {
  const host = new URL(publicUrl).hostname || 'parley';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Parley//Dialogue rounds//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Parley dialogue rounds',
  ];
  for (const r of rounds) {
    const where = [r.venue, r.city, r.country].filter(Boolean).join(', ');
    lines.push(
      'BEGIN:VEVENT',
      `UID:round-${r.id}@${host}`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${icsDate(r.startsOn)}`,
      `DTEND;VALUE=DATE:${icsDate(dayAfter(r.endsOn))}`,
      `SUMMARY:${icsText(`${r.seriesTitle}: round ${r.number}`)}`,
      `LOCATION:${icsText(where)}`,
      ...(r.umbrellaTheme ? [`DESCRIPTION:${icsText(r.umbrellaTheme)}`] : []),
      `URL:${publicUrl}${roundPath(r.slug, r.number)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
