/**
 * Venue time zones and how an instant is written for people, in one place for the server (pages,
 * PDF, feeds, mail, error messages), the web app and the CLI. Pure: Intl (Node and browsers
 * carry the full ICU time-zone database), no I/O and no zod, so the web app can take it whole.
 *
 * An instant is always written with its zone: "09:30 PKT, 5 April 2026".
 */

const IANA_NAME = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

/** An IANA time-zone name the runtime knows (Asia/Karachi, America/New_York, UTC). */
export function isTimeZone(name: string): boolean {
  if (!IANA_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Locales the instants are written in; another language falls back to its own tag. */
const LOCALES: Record<string, string> = { en: 'en-GB', ur: 'ur-PK' };
const localeOf = (lang: string) => LOCALES[lang] ?? lang;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, zone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

const WALL = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
} as const;

function wallParts(date: Date, zone: string) {
  const parts: Record<string, string> = {};
  for (const p of formatter('en-US', zone, WALL).formatToParts(date)) parts[p.type] = p.value;
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
}

/** Minutes the zone is ahead of UTC at that instant (Asia/Karachi: 300). */
export function offsetMinutes(date: Date, zone: string): number {
  const p = wallParts(date, zone);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

const toDate = (instant: string | Date) => (instant instanceof Date ? instant : new Date(instant));

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateInZone(instant: string | Date, zone: string): string {
  const p = wallParts(toDate(instant), zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The wall time of an instant in a zone, as <input type="datetime-local"> writes it. */
export function wallTimeInZone(instant: string | Date, zone: string): string {
  const p = wallParts(toDate(instant), zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A wall time without an offset: 2026-04-05T09:30 (seconds optional). */
export const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
const offsetText = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;

/** The instant written in the zone's wall time with its offset: 2026-04-05T09:30:00+05:00. */
export function isoInZone(instant: string | Date, zone: string): string {
  const date = toDate(instant);
  const p = wallParts(date, zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offsetText(offsetMinutes(date, zone))}`;
}

/**
 * The instant a wall time names in a zone (2026-04-05T09:30 in Asia/Karachi is 04:30Z), written
 * with the zone's offset. A time skipped by a clock change moves forward by the gap; null if the
 * text is not a wall time.
 */
export function fromWallTime(wall: string, zone: string): string | null {
  const m = WALL_TIME.exec(wall);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  if (h! > 23 || mi! > 59 || s! > 59) return null;
  const asUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  if (new Date(asUtc).toISOString().slice(0, 10) !== wall.slice(0, 10)) return null;
  // The offset either side of a clock change: the earlier instant that reads this wall time, or,
  // in a gap no instant reads, the later one.
  const first = asUtc - offsetMinutes(new Date(asUtc), zone) * 60_000;
  const second = asUtc - offsetMinutes(new Date(first), zone) * 60_000;
  const reads = [first, second]
    .filter((c) => wallTimeInZone(new Date(c), zone) === wall.slice(0, 16))
    .sort((a, b) => a - b);
  return isoInZone(new Date(reads[0] ?? Math.max(first, second)), zone);
}

/**
 * Names people use where ICU has only "GMT+5" in English. Only ones a reader of a dialogue between
 * these places would not mistake; anything else is written as the ICU name or UTC±offset.
 */
const ABBREVIATIONS: Record<string, string> = {
  'Asia/Karachi': 'PKT',
  'Asia/Kolkata': 'IST',
  'Asia/Calcutta': 'IST',
  'Asia/Kabul': 'AFT',
  'Asia/Kathmandu': 'NPT',
  'Asia/Tehran': 'IRST',
  'Asia/Dubai': 'GST',
};

/** The zone's short name at that instant: PKT, EDT, CEST, UTC, or UTC+5:30. */
export function zoneLabel(instant: string | Date, zone: string): string {
  const date = toDate(instant);
  const known = ABBREVIATIONS[zone];
  if (known) return known;
  for (const locale of ['en-US', 'en-GB']) {
    const name = formatter(locale, zone, { timeZoneName: 'short' })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^(GMT|UTC)[+\-\u2212]/.test(name))
      return name === 'GMT' && zone === 'UTC' ? 'UTC' : name;
  }
  const minutes = offsetMinutes(date, zone);
  if (minutes === 0) return 'UTC';
  const hours = Math.trunc(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${minutes < 0 ? '-' : '+'}${hours}${rest ? `:${pad(rest)}` : ''}`;
}

const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
const DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;
const SEPARATOR: Record<string, string> = { ur: '، ' };

/** "09:30 PKT" */
export function formatTime(instant: string | Date, zone: string, lang = 'en'): string {
  const date = toDate(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return `${formatter(localeOf(lang), zone, TIME).format(date)} ${zoneLabel(date, zone)}`;
}

/** "5 April 2026": the date of the instant in the zone (Urdu month names in Urdu). */
export function formatDay(instant: string | Date, zone: string, lang = 'en'): string {
  const date = toDate(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return formatter(localeOf(lang), zone, DAY).format(date);
}

/** "09:30 PKT, 5 April 2026": an instant as people read it, always with its zone. */
export function formatInstant(instant: string | Date, zone: string, lang = 'en'): string {
  const date = toDate(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return `${formatTime(date, zone, lang)}${SEPARATOR[lang] ?? ', '}${formatDay(date, zone, lang)}`;
}

/**
 * The same instant in the reader's zone, for a reader elsewhere ("00:30 EDT, 5 April 2026"); null
 * when the reader's clock reads the same as the venue's, so nothing is said twice.
 */
export function formatForReader(
  instant: string | Date,
  venueZone: string,
  readerZone: string,
  lang = 'en',
): string | null {
  const date = toDate(instant);
  if (Number.isNaN(date.getTime()) || !isTimeZone(readerZone)) return null;
  if (offsetMinutes(date, venueZone) === offsetMinutes(date, readerZone)) return null;
  return formatInstant(date, readerZone, lang);
}

/** The reader's own zone where the runtime knows it (the browser's setting), else UTC. */
export function runtimeZone(): string {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : 'UTC';
}
