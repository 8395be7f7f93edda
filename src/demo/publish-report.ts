import type { ReportSection, ReportText } from '../domain/reports.ts';
import type { Actor } from '../server/auth/actor.ts';
import { loadConfig } from '../server/config.ts';
import type { Db } from '../server/db/connect.ts';
import type { Deps } from '../server/deps.ts';
import { usersRepo } from '../server/repositories/users.repository.ts';
import {
  approveReport,
  composeReport,
  publishReport,
  updateReport,
} from '../server/services/reports.service.ts';
import { demoId } from './document.ts';
import { demoLogin } from './logins.ts';

/**
 * The announcement's closing paragraphs: published facts of the round, attributed to no one.
 * The rest of round 2's report is composed from the demo data; these are the organisers' edit.
 */
export const ANNOUNCEMENT_CLOSING = {
  en: {
    talks:
      'The talks were held in a candid and positive environment. In the process, a vast and meaningful resource of ideas and mechanisms was gathered that could help reshape the relations between the two countries. ' +
      'This input was in areas where the two countries have worked and continue to work together as also in areas marked by a difference of perceptions where more work needed to be undertaken.',
    continuity:
      'The principal stress was on continuity of engagement between the two countries at multiple levels. It was agreed that, only through pursuing the process of bilateral inclusiveness, ' +
      'the US and Pakistan would move to further strengthening their historic relations dating back to decades.',
  },
  ur: {
    talks:
      'بات چیت کھلے اور مثبت ماحول میں ہوئی۔ اس عمل میں تجاویز اور طریقۂ کار کا ایک وسیع اور بامعنی ذخیرہ جمع ہوا جو دونوں ممالک کے تعلقات کو نئی شکل دینے میں مدد دے سکتا ہے۔ ' +
      'یہ آراء ان شعبوں میں تھیں جہاں دونوں ممالک مل کر کام کرتے رہے ہیں اور کر رہے ہیں، اور ان شعبوں میں بھی جہاں نقطۂ نظر میں فرق ہے اور مزید کام کی ضرورت ہے۔',
    continuity:
      'سب سے زیادہ زور دونوں ممالک کے درمیان مختلف سطحوں پر روابط کے تسلسل پر دیا گیا۔ اس بات پر اتفاق ہوا کہ دوطرفہ شمولیت کے عمل کو جاری رکھ کر ہی امریکہ اور پاکستان ' +
      'اپنے کئی دہائیوں پر محیط تاریخی تعلقات کو مزید مضبوط بنا سکیں گے۔',
  },
} as const;

/** The Urdu editor's work on the composed draft: names of places, sides and organisers in Urdu (sub-themes stay as announced). */
const URDU_NAMES: Array<[string, string]> = [
  ['US-Pakistan Bilateral (Track-II/I.5) Dialogue', 'امریکہ-پاکستان دوطرفہ (ٹریک-II/I.5) مکالمے'],
  ['US Embassy, Pakistan', 'پاکستان میں امریکی سفارت خانے'],
  ['Regional Peace Institute (RPI)', 'ریجنل پیس انسٹی ٹیوٹ (RPI)'],
  ['Wilson Center', 'ولسن سینٹر'],
  ['Washington, DC', 'واشنگٹن ڈی سی'],
  ['Islamabad', 'اسلام آباد'],
  ['United States', 'امریکہ'],
  ['Pakistan', 'پاکستان'],
];
const inUrdu = (text: string) => URDU_NAMES.reduce((t, [from, to]) => t.split(from).join(to), text);

function edited(text: ReportText, lang: 'en' | 'ur'): ReportText {
  const closing = ANNOUNCEMENT_CLOSING[lang];
  const sections: ReportSection[] = text.sections.map((s) =>
    lang === 'ur' && s.key !== 'theme' ? { ...s, markdown: inUrdu(s.markdown) } : s,
  );
  sections.push(
    { key: 'talks', heading: '', markdown: closing.talks },
    { key: 'continuity', heading: '', markdown: closing.continuity },
  );
  return { headline: lang === 'ur' ? inUrdu(text.headline) : text.headline, sections };
}

/**
 * A demo step after the import: round 2's outcome report is composed from the data, edited
 * (the closing paragraphs, Urdu names), approved and published by the demo organiser, so the
 * public site has it from the first start.
 */
export async function publishDemoReport(db: Db, now: Date): Promise<void> {
  const user = await usersRepo.findByEmail(db.kysely, demoLogin('admin').email);
  if (!user) throw new Error('the demo admin must exist before the demo report is published');
  const deps: Deps = {
    db,
    config: loadConfig({ PARLEY_DEMO: 'off' }),
    mailer: null,
    now: () => now,
  };
  const actor: Actor = {
    user: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      isAdmin: true,
      personId: null,
    },
    csrfToken: null,
    seriesRoles: [],
    participations: [],
  };
  const draft = await composeReport(deps, actor, demoId('round:2'));
  const report = await updateReport(deps, actor, draft.id, {
    baseVersion: draft.version,
    en: edited(draft.text.en, 'en'),
    ur: edited(draft.text.ur, 'ur'),
  });
  await approveReport(deps, actor, report.id, report.version);
  await publishReport(deps, actor, report.id, undefined);
}
