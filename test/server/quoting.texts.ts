/**
 * Texts for the quoting check's false-positive tests: what a rapporteur would write about the
 * demo's statements (src/demo/room.ts) without quoting them, on the same subjects and with the
 * same common words. Written for the tests; no real person's words.
 */

/** Ordinary paraphrases of the demo statements, in the order of DEMO_STATEMENTS: what a rapporteur would write. */
export const PARAPHRASES_EN = [
  'Participants favoured a permanent two-way channel on connectivity in the region, meeting regularly regardless of the wider relationship.',
  'A working group bringing together chambers of commerce of the two countries was proposed, to find sectors in which American investment and exports from Pakistan could expand.',
  'Several argued that the relationship deserves to be valued for itself rather than through the lens of ties with other states.',
  'Concern was voiced that the growing strategic partnership between the US and India leaves less room for a balanced American approach to the region.',
  'Some felt that Chinese financing under CPEC constrains how freely Pakistan can work with its other partners.',
  'It was suggested that CPEC could be seen by Washington as a chance for complementary investment, not a competing project.',
  'Research institutes on both sides could hold regular exchanges on how trade and energy move across the region.',
  'There is no shared, reliable data on how much of the trade of Pakistan passes through the new corridors.',
  'The question was raised of what a three-way energy arrangement with Central Asia would need in order to work.',
  'Public scepticism in Pakistan about the United States was noted, and new initiatives should address it openly.',
  'A preferential arrangement for Pakistani textiles was discussed as a signal of long-term American commitment.',
  'An annual review open to the public, where both governments account for their strategic dialogue commitments, found support.',
  'Climate resilience and water management were seen as areas where the interests of the two countries coincide.',
  'Without better security, American firms are unlikely to invest in connectivity projects in Pakistan, whatever is agreed between governments.',
  'Participants asked whether future rounds should include the business community and the diaspora.',
  'Neither side knows how high South Asia ranks among the priorities of the other side; a joint study was suggested.',
  'Some stressed that its location links Pakistan to Central Asia and to the sea, and that American policy ought to take this into account.',
  'Exchange programmes for young professionals and entrepreneurs should be expanded, with places for women and applicants from smaller cities.',
];
export const PARAPHRASES_UR = [
  'شرکاء نے علاقائی رابطہ کاری پر ایک مستقل چینل کی حمایت کی جو باقاعدگی سے ملے۔',
  'دونوں ملکوں کے ایوان ہائے صنعت و تجارت پر مشتمل ایک گروپ کی تجویز دی گئی تاکہ سرمایہ کاری اور برآمدات کے شعبے تلاش کیے جائیں۔',
  'کئی شرکاء کے مطابق تعلقات کو کسی تیسرے ملک کی عینک سے نہیں دیکھنا چاہیے۔',
  'اس تشویش کا اظہار کیا گیا کہ امریکہ اور بھارت کی شراکت داری خطے میں متوازن پالیسی کی گنجائش کم کر رہی ہے۔',
  'نوجوان پیشہ ور افراد کے تبادلے کے پروگرام بڑھانے کی تجویز دی گئی، خصوصاً خواتین کے لیے۔',
];

/** A rapporteur's summary in Urdu on the same themes. */
export const MOCK_REPORT_UR = `
دوسرے ورکنگ اجلاس میں اس بات کا جائزہ لیا گیا کہ دونوں ممالک کے تعلقات جنوبی ایشیا کی نئی حقیقتوں کے مطابق کیسے ڈھل سکتے ہیں۔ شرکاء نے اتفاق کیا کہ اعتماد کی بحالی کے لیے وقت درکار ہے اور یہ مکالمہ باقاعدگی سے جاری رہنا چاہیے۔
رابطہ کاری کے حوالے سے کئی مقررین نے اقتصادی راہداریوں کو خطرے کے بجائے ایک موقع قرار دیا۔ چینی سرمایہ کاری پر تفصیلی گفتگو ہوئی اور اس بارے میں آراء مختلف تھیں کہ آیا یہ پاکستان کے اختیارات کو محدود کرتی ہے۔ بعض شرکاء کا خیال تھا کہ امریکہ توانائی اور تجارتی ڈھانچے میں تکمیلی کردار ادا کر سکتا ہے، جبکہ دوسروں نے سلامتی کے خدشات کی موجودگی میں امریکی کمپنیوں کی سرمایہ کاری پر شک ظاہر کیا۔
تجارت کے شعبے میں ٹیکسٹائل کا بار بار ذکر ہوا۔ بعض نے ٹیکسٹائل کے لیے ترجیحی رسائی کی تجویز دی جبکہ دوسروں نے خدمات اور ٹیکنالوجی پر مشتمل وسیع تر معاہدے کو ترجیح دی۔ یہ بھی نوٹ کیا گیا کہ نئی راہداریوں سے گزرنے والی تجارت کے بارے میں قابلِ اعتماد اعداد و شمار کم ہیں اور ایک مشترکہ مطالعہ مفید ہوگا۔
شرکاء نے دونوں ممالک میں عوامی رائے پر بات کی۔ موسمیاتی تبدیلی اور پانی کے انتظام کو مشترکہ مفاد کے شعبے قرار دیا گیا۔ آخر میں نوجوانوں اور خواتین کے لیے تبادلے کے پروگراموں کی وسیع حمایت کی گئی، اور کہا گیا کہ اگلے دور میں کاروباری برادری کی آواز بھی سنی جائے۔
`;
/** Lazy "paraphrases" that keep a long run of the statement: these are quotations. */
export const NEAR_COPIES = [
  [
    7,
    'Regular exchanges between the think tanks and universities of both countries on trade and energy corridors in the region were proposed.',
  ],
  [
    17,
    'Pakistan was described as a natural bridge between Central Asia and the Arabian Sea, which US policy should take into account.',
  ],
] as const;

/** A rapporteur's summary in English on the demo's themes, copying no statement. */
export const MOCK_REPORT_EN = `
The second working session examined how the relationship between the two countries can adjust to new realities in South Asia. Participants agreed that both sides need more time to rebuild trust, and that the dialogue itself is worth continuing at regular intervals.

On connectivity, several speakers saw economic corridors as an opportunity rather than a threat. Chinese financing was discussed at length; views differed on whether it limits Pakistan's options. A number of participants thought the United States could play a complementary role in investment, particularly in energy and in trade infrastructure. Others doubted that American companies would invest while security concerns persist.

On trade, the textile sector was mentioned repeatedly. Some suggested preferential access for textiles; others preferred a broader agreement covering services and technology. It was noted that there is little reliable data on trade flows through the new corridors and that a shared study would be useful. We need more investment, more exchanges and more trust.

Participants discussed public opinion in both countries. Scepticism towards the United States in Pakistan, and towards Pakistan in the United States, was seen as a constraint on any new initiative. Greater openness by both governments about their commitments was recommended, including through an annual review.

On climate, the session heard that water management and resilience are areas of common interest. The Indus basin, floods and glacier melt were cited. Both countries could cooperate on early warning and on research between universities.

Finally, the session considered the place of women and young people in the dialogue. Exchange programmes for students, young professionals and entrepreneurs were widely supported, with particular attention to applicants from smaller cities. The next round should also hear from the business community and from the diaspora, participants said, and think tanks in both countries could prepare joint papers before then.

The Wagah border was mentioned in passing, as was the state of visas for journalists and students. Security first, then trade, was one view; trade first, then security, was another. The two governments should meet more often. Both sides should talk to each other more often, and at more levels.
`;
