import type { ReportLanguage } from '../../domain/reports.ts';

/** The public site's own words (the report text itself comes from the report). */
export const WORDS = {
  en: {
    skip: 'Skip to main content',
    home: 'Parley',
    breadcrumbs: 'Breadcrumbs',
    language: 'Language',
    otherLanguage: 'اردو',
    otherLanguageName: 'Urdu',
    round: (n: number) => `Round ${n}`,
    rounds: 'Rounds',
    report: 'Read the outcome report',
    noReport: 'No outcome report has been published yet.',
    noRounds: 'No rounds have been announced yet.',
    theme: 'Theme',
    organisers: 'Organisers',
    pdf: 'Download this report as PDF',
    version: (v: number, on: string) => `Version ${v}, published on ${on}.`,
    corrected: (on: string, note: string) => `Corrected on ${on}: ${note}`,
    comments: 'Comments',
    noComments: 'No comments yet.',
    leaveComment: 'Leave a comment',
    held: 'Thank you. Your comment is held for moderation and will appear once an organiser approves it.',
    replyTo: (name: string) => `Reply to ${name}`,
    replyingTo: (name: string) => `You are replying to ${name}.`,
    cancelReply: 'Write a new comment instead',
    name: 'Name',
    email: 'Email (optional, never shown)',
    text: 'Comment',
    textHint: 'Comments are read by an organiser before they appear. At most two links.',
    honeypot: 'Leave this field empty',
    send: 'Send comment',
    checkForm: 'Please check the form.',
    feeds: 'Feeds',
    atom: 'Reports (Atom)',
    ics: 'Round dates (iCal)',
    parts: {
      convener: 'An initiative of',
      partner: 'In collaboration with',
      sponsor: 'With the support of',
    } as Record<string, string>,
    footer: 'Published with Parley.',
  },
  ur: {
    skip: 'مرکزی مواد پر جائیں',
    home: 'پارلے',
    breadcrumbs: 'راستہ',
    language: 'زبان',
    otherLanguage: 'English',
    otherLanguageName: 'انگریزی',
    round: (n: number) => `دور ${n}`,
    rounds: 'ادوار',
    report: 'نتائج کی رپورٹ پڑھیں',
    noReport: 'ابھی تک نتائج کی کوئی رپورٹ شائع نہیں ہوئی۔',
    noRounds: 'ابھی تک کسی دور کا اعلان نہیں ہوا۔',
    theme: 'موضوع',
    organisers: 'منتظمین',
    pdf: 'یہ رپورٹ پی ڈی ایف میں ڈاؤن لوڈ کریں',
    version: (v: number, on: string) => `نسخہ ${v}، ${on} کو شائع ہوا۔`,
    corrected: (on: string, note: string) => `${on} کو تصحیح کی گئی: ${note}`,
    comments: 'تبصرے',
    noComments: 'ابھی تک کوئی تبصرہ نہیں۔',
    leaveComment: 'تبصرہ کریں',
    held: 'شکریہ۔ آپ کا تبصرہ زیرِ جائزہ ہے اور منتظم کی منظوری کے بعد شائع ہوگا۔',
    replyTo: (name: string) => `${name} کو جواب دیں`,
    replyingTo: (name: string) => `آپ ${name} کو جواب دے رہے ہیں۔`,
    cancelReply: 'اس کے بجائے نیا تبصرہ لکھیں',
    name: 'نام',
    email: 'ای میل (اختیاری، کبھی ظاہر نہیں کی جاتی)',
    text: 'تبصرہ',
    textHint: 'تبصرے شائع ہونے سے پہلے منتظم پڑھتے ہیں۔ زیادہ سے زیادہ دو روابط۔',
    honeypot: 'یہ خانہ خالی چھوڑ دیں',
    send: 'تبصرہ بھیجیں',
    checkForm: 'براہِ کرم فارم دیکھ لیں۔',
    feeds: 'فیڈز',
    atom: 'رپورٹیں (Atom)',
    ics: 'ادوار کی تاریخیں (iCal)',
    parts: { convener: 'اقدام', partner: 'تعاون', sponsor: 'معاونت' } as Record<string, string>,
    footer: 'پارلے کے ذریعے شائع کیا گیا۔',
  },
} satisfies Record<ReportLanguage, unknown>;

const LOCALE: Record<ReportLanguage, string> = { en: 'en-GB', ur: 'ur-PK' };
const utc = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

/** "5 April 2026" / "5 اپریل، 2026": a calendar date, or the date of an instant in the venue's zone. */
export function formatDate(iso: string, lang: ReportLanguage, zone = 'UTC'): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    dateStyle: 'long',
    timeZone: iso.length === 10 ? 'UTC' : zone,
  }).format(utc(iso));
}

/** "5–6 April 2026" / "5–6 اپریل 2026", through Intl. */
export function formatDates(startsOn: string, endsOn: string, lang: ReportLanguage): string {
  const format = new Intl.DateTimeFormat(LOCALE[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return startsOn === endsOn
    ? format.format(utc(startsOn))
    : format.formatRange(utc(startsOn), utc(endsOn));
}

/** The language a request asks for: ?lang=ur, else English. */
export const languageOf = (query: unknown): ReportLanguage =>
  (query as { lang?: unknown } | undefined)?.lang === 'ur' ? 'ur' : 'en';
/** The query string that keeps a language ('' for English, the default). */
export const langQuery = (lang: ReportLanguage) => (lang === 'ur' ? '?lang=ur' : '');
