import type { Background } from '../../domain/enums.ts';
import type { PublicOutcomeKind, ReportLanguage } from '../../domain/reports.ts';

/** The words the composed report is built from, in each language. Pure: no I/O. */

const EN_UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];
const EN_ORDINALS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];
const UR_ORDINALS = [
  '',
  'پہلا',
  'دوسرا',
  'تیسرا',
  'چوتھا',
  'پانچواں',
  'چھٹا',
  'ساتواں',
  'آٹھواں',
  'نواں',
  'دسواں',
];

/** "twenty-five"; numbers from 100 on stay in digits. */
export function numberWord(n: number, lang: ReportLanguage): string {
  if (lang === 'ur' || n < 0 || n >= 100 || !Number.isInteger(n))
    return new Intl.NumberFormat(lang === 'ur' ? 'ur-PK' : 'en-GB').format(n);
  if (n < 20) return EN_UNITS[n];
  const tens = EN_TENS[Math.floor(n / 10)];
  return n % 10 ? `${tens}-${EN_UNITS[n % 10]}` : tens;
}

/** "second", "دوسرا"; past the table, "21st" / "21واں". */
export function ordinalWord(n: number, lang: ReportLanguage): string {
  if (lang === 'ur') return UR_ORDINALS[n] ?? `${n}واں`;
  if (EN_ORDINALS[n]) return EN_ORDINALS[n];
  const suffix =
    n % 10 === 1 && n % 100 !== 11
      ? 'st'
      : n % 10 === 2 && n % 100 !== 12
        ? 'nd'
        : n % 10 === 3 && n % 100 !== 13
          ? 'rd'
          : 'th';
  return `${n}${suffix}`;
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "A, B and C" / "A، B اور C". */
export function joinList(items: readonly string[], lang: ReportLanguage): string {
  const [and, comma] = lang === 'ur' ? [' اور ', '، '] : [' and ', ', '];
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(comma)}${and}${items[items.length - 1]}`;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const utc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/**
 * A round's dates as the running text writes them: "April 5-6" (the announcement's style), with
 * the year only when asked; Urdu through Intl for ur-PK ("5–6 اپریل").
 */
export function dateRangeInText(
  startsOn: string,
  endsOn: string,
  lang: ReportLanguage,
  withYear = false,
): string {
  if (lang === 'ur') {
    const format = new Intl.DateTimeFormat('ur-PK', {
      day: 'numeric',
      month: 'long',
      ...(withYear && { year: 'numeric' }),
      timeZone: 'UTC',
    });
    return startsOn === endsOn
      ? format.format(utc(startsOn))
      : format.formatRange(utc(startsOn), utc(endsOn));
  }
  const [y1, m1, d1] = startsOn.split('-').map(Number);
  const [y2, m2, d2] = endsOn.split('-').map(Number);
  let text = `${EN_MONTHS[m1 - 1]} ${d1}`;
  if (startsOn !== endsOn)
    text +=
      m1 === m2 && y1 === y2
        ? `-${d2}`
        : y1 === y2
          ? `-${EN_MONTHS[m2 - 1]} ${d2}`
          : `, ${y1}-${EN_MONTHS[m2 - 1]} ${d2}`;
  return withYear || y1 !== y2 ? `${text}, ${y2}` : text;
}

/** Whole days a round lasted, both ends included. */
export const daysOf = (startsOn: string, endsOn: string) =>
  Math.round((utc(endsOn).getTime() - utc(startsOn).getTime()) / 86_400_000) + 1;

/** Backgrounds in the plural, as a report counts other attendees. */
export const BACKGROUND_PLURAL: Record<ReportLanguage, Record<Background, string>> = {
  en: {
    former_diplomat: 'former diplomats',
    former_military: 'former military officers',
    media: 'media personnel',
    economist: 'economists',
    professional: 'professionals',
    civil_society: 'civil society activists',
    academic: 'academics',
    official: 'officials',
    other: 'others',
  },
  ur: {
    former_diplomat: 'سابق سفارت کار',
    former_military: 'سابق فوجی افسران',
    media: 'ذرائع ابلاغ سے وابستہ افراد',
    economist: 'ماہرینِ معیشت',
    professional: 'پیشہ ور افراد',
    civil_society: 'سول سوسائٹی کے کارکنان',
    academic: 'ماہرینِ تعلیم',
    official: 'سرکاری اہلکار',
    other: 'دیگر افراد',
  },
};

/** Section headings of the approved outcomes. Ideas and mechanisms share one section. */
export const OUTCOME_HEADINGS: Record<
  ReportLanguage,
  Record<Exclude<PublicOutcomeKind, 'mechanism'>, string>
> = {
  en: {
    idea: 'Ideas and mechanisms',
    convergence: 'Areas of convergence',
    divergence: 'Areas of divergence where more work is needed',
    recommendation: 'Recommendations',
  },
  ur: {
    idea: 'تجاویز اور طریقۂ کار',
    convergence: 'اتفاقِ رائے کے شعبے',
    divergence: 'اختلافِ رائے کے شعبے جہاں مزید کام کی ضرورت ہے',
    recommendation: 'سفارشات',
  },
};
