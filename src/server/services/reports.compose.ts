import type { Background, OrganisationPart, SessionKind } from '../../domain/enums.ts';
import type {
  PublicOutcomeKind,
  ReportLanguage,
  ReportSection,
  ReportText,
} from '../../domain/reports.ts';
import {
  BACKGROUND_PLURAL,
  capitalise,
  dateRangeInText,
  daysOf,
  joinList,
  numberWord,
  OUTCOME_HEADINGS,
  ordinalWord,
} from './reports.words.ts';

/** Everything a public report is composed from: public facts and approved outcomes only, never who said what. */
export interface ReportFacts {
  seriesTitle: string;
  round: {
    number: number;
    city: string;
    country: string;
    venue: string;
    startsOn: string;
    endsOn: string;
    umbrellaTheme: string;
  };
  previous: { number: number; city: string; startsOn: string; endsOn: string } | null;
  organisations: Array<{ part: OrganisationPart; name: string; shortName: string }>;
  sessions: Array<{ kind: SessionKind; title: string }>;
  /** Heads of delegation and delegates, by delegation in the series' order. */
  delegations: Array<{
    name: string;
    members: Array<{ honorific: string; fullName: string; isHead: boolean }>;
  }>;
  /** Every other attendee's background (one entry per person); only counts reach the text. */
  otherAttendeeBackgrounds: Background[];
  /** Approved outcome items of the round, in order; recommendations carry their R-id. */
  outcomes: Array<{ kind: PublicOutcomeKind; text: string; recommendationId?: string | null }>;
}

/** A background shared by fewer people than this is merged into "others", so no one is identifiable by it. */
export const SMALLEST_NAMED_GROUP = 3;

/** Counts by background, smallest groups merged into "other"; largest first, "other" last. */
export function countBackgrounds(
  backgrounds: readonly Background[],
): Array<{ background: Background; count: number }> {
  const counts = new Map<Background, number>();
  for (const b of backgrounds) counts.set(b, (counts.get(b) ?? 0) + 1);
  let others = counts.get('other') ?? 0;
  const named: Array<{ background: Background; count: number }> = [];
  for (const [background, count] of counts) {
    if (background === 'other') continue;
    if (count < SMALLEST_NAMED_GROUP) others += count;
    else named.push({ background, count });
  }
  named.sort((a, b) => b.count - a.count);
  return others ? [...named, { background: 'other', count: others }] : named;
}

const NEEDS_ARTICLE =
  /^(United|Republic|Kingdom|Netherlands|Philippines|Gambia|US\b|UK\b|USA\b|UAE\b|European)/;
const withArticle = (name: string) => (NEEDS_ARTICLE.test(name) ? `the ${name}` : name);
const orgName = (o: { name: string; shortName: string }) =>
  o.shortName ? `${o.name} (${o.shortName})` : o.name;
const personName = (m: { honorific: string; fullName: string }) =>
  [m.honorific, m.fullName].filter(Boolean).join(' ');
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
const paragraph = (key: string, markdown: string): ReportSection => ({
  key,
  heading: '',
  markdown,
});

function opening(f: ReportFacts, lang: ReportLanguage): { headline: string; text: string } {
  const { round, previous } = f;
  const ordinal = ordinalWord(round.number, lang);
  const when = dateRangeInText(round.startsOn, round.endsOn, lang);
  const where = round.venue ? `${round.venue}, ${round.city}` : round.city;
  if (lang === 'ur') {
    const text = `${f.seriesTitle} کا ${ordinal} دور ${when} کو ${where} میں منعقد ہوا۔`;
    const earlier = previous
      ? ` اس سلسلے کا ${ordinalWord(previous.number, 'ur')} دور ${previous.startsOn.slice(0, 4) === round.startsOn.slice(0, 4) ? `اسی سال ${dateRangeInText(previous.startsOn, previous.endsOn, 'ur')}` : dateRangeInText(previous.startsOn, previous.endsOn, 'ur', true)} کو ${previous.city} میں منعقد ہوا تھا۔`
      : '';
    return { headline: text, text: text + earlier };
  }
  const headline = `${capitalise(ordinal)} round of the ${f.seriesTitle} held in ${where} on ${when}.`;
  let text = `The ${ordinal} round of the ${f.seriesTitle} was held in ${where} on ${when}.`;
  if (previous) {
    const sameYear = previous.startsOn.slice(0, 4) === round.startsOn.slice(0, 4);
    const prevWhen = dateRangeInText(previous.startsOn, previous.endsOn, 'en', !sameYear);
    text += ` The ${ordinalWord(previous.number, 'en')} round of this series of interactions was held in ${previous.city} on ${prevWhen}${sameYear ? ' earlier this year' : ''}.`;
  }
  return { headline, text };
}

function organisers(f: ReportFacts, lang: ReportLanguage): string {
  const names = (part: OrganisationPart) =>
    f.organisations.filter((o) => o.part === part).map(orgName);
  const [conveners, partners, sponsors] = [names('convener'), names('partner'), names('sponsor')];
  const out: string[] = [];
  if (lang === 'ur') {
    if (conveners.length)
      out.push(
        `یہ مکالمہ ${joinList(conveners, 'ur')} کا ایک اقدام ہے${partners.length ? ` اور اسے ${joinList(partners, 'ur')} کے تعاون سے عملی جامہ پہنایا جا رہا ہے` : ''}۔`,
      );
    if (sponsors.length)
      out.push(
        `یہ اقدام ${joinList(sponsors, 'ur')} کی فراخدلانہ معاونت اور حوصلہ افزائی سے ممکن ہوا۔`,
      );
    return out.join('\n\n');
  }
  const the = (list: string[]) =>
    joinList(
      list.map((n) => `the ${n}`),
      'en',
    );
  if (conveners.length)
    out.push(
      `The dialogue is an initiative of ${the(conveners)}${partners.length ? ` and it is being implemented in collaboration with ${the(partners)}` : ''}.`,
    );
  else if (partners.length)
    out.push(`The dialogue is being implemented in collaboration with ${the(partners)}.`);
  if (sponsors.length)
    out.push(
      `The initiative has been made possible through the generous support and encouragement of ${the(sponsors)}.`,
    );
  return out.join('\n\n');
}

function themeAndSessions(f: ReportFacts, lang: ReportLanguage): string {
  const working = f.sessions.filter((s) => s.kind === 'working');
  const inaugural = f.sessions.some((s) => s.kind === 'inaugural');
  const theme = f.round.umbrellaTheme;
  const list = working.map((s) => `- ${oneLine(s.title)}`).join('\n');
  if (lang === 'ur') {
    const lead = theme ? `مکالمہ “${theme}” کے مرکزی موضوع کے تحت منعقد ہوا۔ ` : '';
    if (!working.length) return lead.trim();
    return `${lead}${inaugural ? 'افتتاحی اجلاس کے علاوہ ' : ''}${numberWord(working.length, 'ur')} ورکنگ اجلاس منعقد ہوئے جن میں درج ذیل ذیلی موضوعات پر گفتگو ہوئی:\n\n${list}`;
  }
  const lead = theme ? `The dialogue was held under the umbrella theme of “${theme}”. ` : '';
  if (!working.length) return lead.trim();
  const count = numberWord(working.length, 'en');
  const sessions = `${working.length === 1 ? 'one working session was' : `${count} working sessions were`} held discussing the following sub-theme${working.length === 1 ? '' : 's'}:`;
  return `${lead}${inaugural ? `In addition to the inaugural session, ${sessions}` : capitalise(sessions)}\n\n${list}`;
}

function delegates(f: ReportFacts, lang: ReportLanguage): string {
  const sentences = f.delegations
    .filter((d) => d.members.length)
    .map((d, index) => {
      const heads = d.members
        .filter((m) => m.isHead)
        .map((m) => `${personName(m)} ${lang === 'ur' ? '(سربراہ وفد)' : '(head of delegation)'}`);
      const names = joinList(
        [...heads, ...d.members.filter((m) => !m.isHead).map(personName)],
        lang,
      );
      if (lang === 'ur')
        return index === 0
          ? `${d.name} کی جانب سے مندوبین میں ${names} شامل تھے۔`
          : `${d.name} کی نمائندگی ${names} نے کی۔`;
      return index === 0
        ? `The delegates from ${withArticle(d.name)} included ${names}.`
        : `${capitalise(withArticle(d.name))} was represented by ${names}.`;
    });
  return sentences.join(' ');
}

function otherAttendees(f: ReportFacts, lang: ReportLanguage): string {
  const total = f.otherAttendeeBackgrounds.length;
  if (!total) return '';
  const days = daysOf(f.round.startsOn, f.round.endsOn);
  const groups = countBackgrounds(f.otherAttendeeBackgrounds).map(
    (g) => `${numberWord(g.count, lang)} ${BACKGROUND_PLURAL[lang][g.background]}`,
  );
  if (lang === 'ur') {
    return `مزید برآں، مختلف شعبوں کی نمائندگی کرنے والے مزید ${numberWord(total, 'ur')} افراد نے ${days > 1 ? `${numberWord(days, 'ur')} روزہ` : 'ایک روزہ'} مباحثے میں شرکت کی۔ ان میں ${joinList(groups, 'ur')} شامل تھے۔`;
  }
  const span =
    days > 1 ? `the ${numberWord(days, 'en')} days of deliberations` : "the day's deliberations";
  return `Additionally, another ${numberWord(total, 'en')} ${total === 1 ? 'person' : 'people'} representing a variety of backgrounds attended ${span}. They included ${joinList(groups, 'en')}.`;
}

function outcomeSections(f: ReportFacts, lang: ReportLanguage): ReportSection[] {
  const groups: Array<{ key: string; kinds: PublicOutcomeKind[]; heading: string }> = [
    { key: 'ideas', kinds: ['idea', 'mechanism'], heading: OUTCOME_HEADINGS[lang].idea },
    { key: 'convergence', kinds: ['convergence'], heading: OUTCOME_HEADINGS[lang].convergence },
    { key: 'divergence', kinds: ['divergence'], heading: OUTCOME_HEADINGS[lang].divergence },
    {
      key: 'recommendations',
      kinds: ['recommendation'],
      heading: OUTCOME_HEADINGS[lang].recommendation,
    },
  ];
  return groups
    .map((g) => ({
      key: g.key,
      heading: g.heading,
      markdown: f.outcomes
        .filter((o) => g.kinds.includes(o.kind))
        .map((o) => `- ${o.recommendationId ? `**${o.recommendationId}** ` : ''}${oneLine(o.text)}`)
        .join('\n'),
    }))
    .filter((s) => s.markdown);
}

/** The composed draft of a round's public report in one language: every public fact, no attribution. */
export function composeReportText(f: ReportFacts, lang: ReportLanguage): ReportText {
  const { headline, text } = opening(f, lang);
  const sections = [
    paragraph('opening', text),
    paragraph('organisers', organisers(f, lang)),
    paragraph('theme', themeAndSessions(f, lang)),
    paragraph('delegates', delegates(f, lang)),
    paragraph('attendees', otherAttendees(f, lang)),
    ...outcomeSections(f, lang),
  ].filter((s) => s.markdown);
  return { headline, sections };
}
