import { messageOf } from './catalogs.ts';
import type { Message, MessageKey } from './en.ts';
import { formatInstant, runtimeZone } from '../../domain/time.ts';

export const LANGS = ['en', 'ur'] as const;
export type Lang = (typeof LANGS)[number];

export const LOCALE: Record<Lang, string> = { en: 'en', ur: 'ur-PK' };
export const DIRECTION: Record<Lang, 'ltr' | 'rtl'> = { en: 'ltr', ur: 'rtl' };

export type Params = Record<string, string | number>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

// Made once per language: a page translates hundreds of messages, and Intl objects are costly.
const plurals = new Map<Lang, Intl.PluralRules>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();
const once = <T>(map: Map<Lang, T>, lang: Lang, make: () => T): T => {
  let made = map.get(lang);
  if (!made) map.set(lang, (made = make()));
  return made;
};

function pick(message: Message, lang: Lang, count: number | undefined): string {
  if (typeof message === 'string') return message;
  const rule = once(plurals, lang, () => new Intl.PluralRules(LOCALE[lang])).select(count ?? 0);
  return message[rule] ?? message.other;
}

/** False while the key's part of the catalogue has not been loaded (see catalogs.ts). */
export const hasMessage = (lang: Lang, key: MessageKey) => messageOf(lang, key) !== undefined;

/**
 * The message for a key in a language, with {name} placeholders filled in. A number
 * parameter is formatted for the locale; `count` also chooses the plural form. Empty while the
 * key's part of the catalogue is still loading.
 */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const message = messageOf(lang, key);
  if (message === undefined) return '';
  const count = typeof params.count === 'number' ? params.count : undefined;
  const text = pick(message, lang, count);
  if (!text.includes('{')) return text;
  const numbers = once(numberFormats, lang, () => new Intl.NumberFormat(LOCALE[lang]));
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** Dates (YYYY-MM-DD) are calendar days: formatted in UTC so no time zone shifts them a day. */
export function formatDate(lang: Lang, isoDate: string): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    date,
  );
}

export function formatDateRange(lang: Lang, from: string, to: string): string {
  const a = new Date(`${from}T00:00:00Z`);
  const b = new Date(`${to}T00:00:00Z`);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${from} – ${to}`;
  return new Intl.DateTimeFormat(LOCALE[lang], {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).formatRange(a, b);
}

/**
 * An instant with its zone ("09:30 PKT, 5 April 2026"): in the venue's zone where it has one,
 * else in the reader's own (src/domain/time.ts writes it, as the server does).
 */
export function formatDateTime(lang: Lang, iso: string, zone = runtimeZone()): string {
  return formatInstant(iso, zone, lang);
}

export function formatNumber(
  lang: Lang,
  value: number,
  options: Intl.NumberFormatOptions = {},
): string {
  return new Intl.NumberFormat(LOCALE[lang], options).format(value);
}

export function formatPercent(lang: Lang, fraction: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 }).format(
    fraction,
  );
}
