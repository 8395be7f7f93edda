import type { StatementKind } from '../domain/enums.ts';
import { FICTIONAL_ATTENDEES } from './fictional.ts';

/**
 * SIMULATED deliberation for round 2's first working session, so the analysis pages and the room
 * view have something to show on first start. Every statement below was written for the demo;
 * authors are fictional attendees (or none: seeded by the moderator), and every vote is generated
 * here from a fixed seed for the fictional attendees only. No real person's opinion is represented,
 * and the ten real delegates neither author nor vote. The session runs under the Chatham House
 * Rule, so no author is shown anyway.
 */

/** The planted shape of each statement's votes, so the analysis has each of its findings to show. */
export type VoteProfile =
  | 'convergence' // both delegations agree: a pathway to cooperation
  | 'pakistan-agrees' // divergence: the Pakistan side agrees, the US side disagrees
  | 'us-agrees' // divergence: the other way round
  | 'split-in-pakistan' // contested within the Pakistan delegation
  | 'split-in-us' // contested within the US delegation
  | 'uncertain'; // many passes

export interface DemoStatement {
  kind: StatementKind;
  text: string;
  /** Urdu. */
  translation: string;
  /** A fictional attendee's key, or null for a statement seeded by the moderator. */
  authorKey: string | null;
  profile: VoteProfile;
}

const s = (
  kind: StatementKind,
  authorKey: string | null,
  profile: VoteProfile,
  text: string,
  translation: string,
): DemoStatement => ({
  kind,
  text,
  translation,
  authorKey,
  profile,
});

export const DEMO_STATEMENTS: DemoStatement[] = [
  s(
    'idea',
    null,
    'convergence',
    'Keep a standing bilateral channel on regional connectivity that meets at least twice a year, whatever the state of wider relations.',
    'وسیع تر تعلقات کی صورتحال جو بھی ہو، علاقائی رابطہ کاری پر ایک مستقل دوطرفہ چینل برقرار رکھا جائے جس کا اجلاس سال میں کم از کم دو بار ہو۔',
  ),
  s(
    'mechanism',
    'f14',
    'convergence',
    'Set up a joint working group of business chambers from both countries to identify sectors where US investment and Pakistani exports can grow together.',
    'دونوں ممالک کے تجارتی ایوانوں کا ایک مشترکہ ورکنگ گروپ قائم کیا جائے جو ان شعبوں کی نشاندہی کرے جہاں امریکی سرمایہ کاری اور پاکستانی برآمدات ساتھ ساتھ بڑھ سکیں۔',
  ),
  s(
    'idea',
    'f03',
    'convergence',
    'The relationship should be valued on its own terms, not as a function of either country’s ties with a third state.',
    'ان تعلقات کو ان کی اپنی بنیاد پر اہمیت دی جائے، نہ کہ کسی تیسرے ملک کے ساتھ کسی بھی فریق کے تعلقات کے تناظر میں۔',
  ),
  s(
    'concern',
    'f07',
    'pakistan-agrees',
    'The deepening US-India strategic partnership is narrowing the space for a balanced US policy in South Asia.',
    'امریکہ اور بھارت کی گہری ہوتی ہوئی اسٹریٹجک شراکت داری جنوبی ایشیا میں متوازن امریکی پالیسی کی گنجائش کو کم کر رہی ہے۔',
  ),
  s(
    'concern',
    'f02',
    'us-agrees',
    'Pakistan’s growing reliance on Chinese financing under CPEC limits its room for manoeuvre with other partners.',
    'سی پیک کے تحت چینی مالی معاونت پر پاکستان کا بڑھتا ہوا انحصار دوسرے شراکت داروں کے ساتھ اس کی گنجائش کو محدود کرتا ہے۔',
  ),
  s(
    'idea',
    'f15',
    'pakistan-agrees',
    'The United States could treat CPEC as an opportunity for complementary investment rather than as a rival project.',
    'امریکہ سی پیک کو ایک حریف منصوبے کے بجائے تکمیلی سرمایہ کاری کے ایک موقع کے طور پر دیکھ سکتا ہے۔',
  ),
  s(
    'mechanism',
    'f22',
    'convergence',
    'Create a regular exchange between think tanks and universities in both countries on regional trade and energy corridors.',
    'علاقائی تجارت اور توانائی کی راہداریوں پر دونوں ممالک کے تھنک ٹینکس اور جامعات کے درمیان باقاعدہ تبادلے کا اہتمام کیا جائے۔',
  ),
  s(
    'information_gap',
    'f17',
    'uncertain',
    'We lack reliable, shared data on how much of Pakistan’s trade actually moves through the new regional corridors.',
    'ہمارے پاس اس بارے میں قابلِ اعتماد اور مشترکہ اعداد و شمار موجود نہیں کہ پاکستان کی تجارت کا کتنا حصہ درحقیقت نئی علاقائی راہداریوں سے گزرتا ہے۔',
  ),
  s(
    'question',
    null,
    'uncertain',
    'What would a trilateral energy arrangement between the United States, Pakistan and Central Asia require to become viable?',
    'امریکہ، پاکستان اور وسطی ایشیا کے درمیان توانائی کے سہ فریقی انتظام کو قابلِ عمل بنانے کے لیے کیا درکار ہوگا؟',
  ),
  s(
    'concern',
    'f11',
    'split-in-pakistan',
    'Public opinion in Pakistan remains sceptical of the United States, and any new initiative needs to address that openly.',
    'پاکستان میں عوامی رائے بدستور امریکہ کے بارے میں شکوک و شبہات رکھتی ہے، اور کسی بھی نئے اقدام کو اس بات کا کھل کر سامنا کرنا ہوگا۔',
  ),
  s(
    'idea',
    'f19',
    'split-in-us',
    'Washington should offer Pakistan a preferential trade arrangement for textiles as a signal of long-term commitment.',
    'واشنگٹن کو طویل مدتی وابستگی کے اظہار کے طور پر پاکستان کو ٹیکسٹائل کے لیے ترجیحی تجارتی انتظام کی پیشکش کرنی چاہیے۔',
  ),
  s(
    'mechanism',
    'f01',
    'convergence',
    'Hold an annual public review in which both governments report on the commitments made in their strategic dialogue.',
    'ایک سالانہ عوامی جائزہ منعقد کیا جائے جس میں دونوں حکومتیں اپنے اسٹریٹجک مکالمے میں کیے گئے وعدوں پر رپورٹ پیش کریں۔',
  ),
  s(
    'idea',
    'f16',
    'convergence',
    'Cooperation on climate resilience and water management is an area where both countries’ interests clearly coincide.',
    'موسمیاتی لچک اور آبی انتظام پر تعاون ایک ایسا شعبہ ہے جہاں دونوں ممالک کے مفادات واضح طور پر یکساں ہیں۔',
  ),
  s(
    'concern',
    'f06',
    'us-agrees',
    'Without progress on security, US companies will not invest in Pakistan’s connectivity projects, whatever governments agree.',
    'سیکیورٹی کی صورتحال میں بہتری کے بغیر امریکی کمپنیاں پاکستان کے رابطہ کاری کے منصوبوں میں سرمایہ کاری نہیں کریں گی، خواہ حکومتیں کچھ بھی طے کر لیں۔',
  ),
  s(
    'question',
    'f23',
    'convergence',
    'Should the next round of this dialogue also hear voices from the business community and the diaspora?',
    'کیا اس مکالمے کے اگلے دور میں کاروباری برادری اور بیرونِ ملک مقیم پاکستانیوں کی آواز بھی سنی جانی چاہیے؟',
  ),
  s(
    'information_gap',
    'f10',
    'convergence',
    'Neither side has a clear picture of where the other’s decision-makers rank South Asia among their priorities; a joint study would help.',
    'کسی بھی فریق کو واضح اندازہ نہیں کہ دوسرے فریق کے فیصلہ ساز جنوبی ایشیا کو اپنی ترجیحات میں کہاں رکھتے ہیں؛ ایک مشترکہ مطالعہ مددگار ثابت ہوگا۔',
  ),
  s(
    'idea',
    'f20',
    'pakistan-agrees',
    'Pakistan’s geography makes it a natural bridge between Central Asia and the Arabian Sea, and US policy should reflect that.',
    'پاکستان کا جغرافیہ اسے وسطی ایشیا اور بحیرۂ عرب کے درمیان ایک قدرتی پل بناتا ہے، اور امریکی پالیسی میں اس کی عکاسی ہونی چاہیے۔',
  ),
  s(
    'mechanism',
    'f18',
    'convergence',
    'Expand exchange programmes for young professionals and entrepreneurs, with places reserved for women and for applicants from smaller cities.',
    'نوجوان پیشہ ور افراد اور کاروباری حضرات کے لیے تبادلے کے پروگراموں کو وسعت دی جائے، جن میں خواتین اور چھوٹے شہروں کے امیدواروں کے لیے نشستیں مختص ہوں۔',
  ),
];

type Side = 'United States' | 'Pakistan' | null;
/** Shares of agree and disagree (the rest pass) for each side, per profile. */
type Shares = [agree: number, disagree: number];
const LEAN_AGREE: Shares = [0.8, 0.1];
const LEAN_DISAGREE: Shares = [0.12, 0.78];
const SPLIT: Shares = [0.45, 0.45];
const SHARES: Record<VoteProfile, Record<'us' | 'pk' | 'neither', Shares>> = {
  convergence: { us: [0.82, 0.06], pk: [0.82, 0.06], neither: [0.8, 0.1] },
  'pakistan-agrees': { us: LEAN_DISAGREE, pk: LEAN_AGREE, neither: [0.5, 0.3] },
  'us-agrees': { us: LEAN_AGREE, pk: LEAN_DISAGREE, neither: [0.5, 0.3] },
  'split-in-pakistan': { us: LEAN_AGREE, pk: SPLIT, neither: [0.6, 0.2] },
  'split-in-us': { us: SPLIT, pk: LEAN_AGREE, neither: [0.6, 0.2] },
  uncertain: { us: [0.3, 0.15], pk: [0.3, 0.15], neither: [0.2, 0.2] },
};
/** About one voter in twenty-five misses a statement, as in a real room. */
const SKIP_CHANCE = 0.04;
const SEED = 20260405;

/** mulberry32: a small seeded PRNG, so every demo database holds the same votes. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface SimulatedVote {
  statementIndex: number;
  voterKey: string;
  value: -1 | 0 | 1;
}

const sideKey = (side: Side) =>
  side === 'United States' ? 'us' : side === 'Pakistan' ? 'pk' : 'neither';

/**
 * The simulated votes: per statement and side, the voters present are shuffled and given exactly
 * the profile's numbers of agrees and disagrees (the rest pass), so the planted structure holds.
 */
export function simulateVotes(): SimulatedVote[] {
  const random = seededRandom(SEED);
  const votes: SimulatedVote[] = [];
  DEMO_STATEMENTS.forEach((statement, statementIndex) => {
    for (const side of ['United States', 'Pakistan', null] as const) {
      const present = FICTIONAL_ATTENDEES.filter((p) => p.side === side && random() >= SKIP_CHANCE);
      const [agreeShare, disagreeShare] = SHARES[statement.profile][sideKey(side)];
      const agrees = Math.round(agreeShare * present.length);
      const disagrees = Math.min(
        present.length - agrees,
        Math.round(disagreeShare * present.length),
      );
      shuffled(present, random).forEach((voter, i) => {
        const value = i < agrees ? 1 : i < agrees + disagrees ? -1 : 0;
        votes.push({ statementIndex, voterKey: voter.key, value });
      });
    }
  });
  return votes;
}
