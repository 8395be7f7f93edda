import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERIES_SLUG, loadDemo } from '../../src/demo/load.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

/**
 * Every fact of the announcement of round 2 (shared/seed/announcement-round-2.txt), typed out
 * again here, checked against the demo's published report page. Where the seed misspells a name
 * ("Ambasasdor", "Traiq", "Wilson Centre", "David Smith. Tricia"), the demo's documented
 * correct spelling is expected instead.
 */
const ANNOUNCEMENT = {
  headline:
    'Second round of the US-Pakistan Bilateral (Track-II/I.5) Dialogue held in Islamabad on April 5-6.',
  thisRound:
    'The second round of the US-Pakistan Bilateral (Track-II/I.5) Dialogue was held in Islamabad on April 5-6.',
  previousRound:
    'The first round of this series of interactions was held in Washington, DC on January 3-4 earlier this year.',
  organisers:
    'The dialogue is an initiative of the Regional Peace Institute (RPI) and it is being implemented in collaboration with the Wilson Center.',
  sponsor:
    'The initiative has been made possible through the generous support and encouragement of the US Embassy, Pakistan.',
  theme:
    'The dialogue was held under the umbrella theme of “Convergence amid Divergence: Identifying Pathways to Cooperation in a Challenging Environment”.',
  sessions:
    'In addition to the inaugural session, four working sessions were held discussing the following sub-themes:',
  subThemes: [
    'Shifting dynamics, emerging alliances and widening economic connectivity – Can US-Pakistan relations adjust to South-Asia’s new geopolitical realities?',
    'Squeezed between internal strife and external pressure – Can there be a mutually agreeable endgame for peace in Afghanistan?',
    'Managing militancy – Opportunities and limits of US-Pakistan counter-terrorism cooperation',
    'Overcoming shadows from the past – How can economic assistance to Pakistan work best for both countries?',
  ],
  usDelegates: [
    'Richard Boucher',
    'Robin Raphel',
    'David Smith',
    'Tricia Bacon',
    'Michael Kugelman',
  ],
  pakistanDelegates: [
    'Dr. Ashfaque Hasan Khan',
    'Ambassador Ashraf Jehangir Qazi',
    'Ambassador Mohammad Sadiq',
    'Tariq Khosa',
    'Raoof Hasan',
  ],
  attendees:
    'Additionally, another twenty-five people representing a variety of backgrounds attended the two days of deliberations.',
  // "former diplomats, former army officers, media personnel, economists, professionals and civil society activists", counted.
  backgrounds: [
    'former diplomats',
    'former military officers',
    'media personnel',
    'economists',
    'professionals',
    'civil society activists',
  ],
  talks:
    'The talks were held in a candid and positive environment. In the process, a vast and meaningful resource of ideas and mechanisms was gathered that could help reshape the relations between the two countries. This input was in areas where the two countries have worked and continue to work together as also in areas marked by a difference of perceptions where more work needed to be undertaken',
  continuity:
    'The principal stress was on continuity of engagement between the two countries at multiple levels. It was agreed that, only through pursuing the process of bilateral inclusiveness, the US and Pakistan would move to further strengthening their historic relations dating back to decades.',
};

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#96;': '`',
};
/** The page's paragraphs and list items as plain text. */
function blocks(page: string): string[] {
  const article = page.slice(page.indexOf('<article'), page.indexOf('</article>'));
  return [...article.matchAll(/<(h1|p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) =>
    m[2]
      .replace(/<[^>]+>/g, '')
      .replace(/&[#\w]+;/g, (e) => ENTITIES[e] ?? e)
      .trim(),
  );
}

for (const dialect of testDialects()) {
  describe(`[${dialect}] the demo's round 2 report carries every fact of the announcement`, () => {
    let t: TestApp;
    let en: string[];
    let text: string;
    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
      await loadDemo(t.deps.db);
      const page = await t.app.inject({ url: `/series/${DEMO_SERIES_SLUG}/rounds/2` });
      expect(page.statusCode).toBe(200);
      en = blocks(page.body);
      text = en.join('\n');
    });
    afterAll(() => t.close());

    it('has the headline, and both rounds with their places and dates', () => {
      expect(en[0]).toBe(ANNOUNCEMENT.headline);
      expect(text).toContain(`${ANNOUNCEMENT.thisRound} ${ANNOUNCEMENT.previousRound}`);
    });
    it('names the convener, the partner and the sponsor', () => {
      expect(en).toContain(ANNOUNCEMENT.organisers);
      expect(en).toContain(ANNOUNCEMENT.sponsor);
    });
    it('gives the umbrella theme and the four sub-themes word for word', () => {
      expect(en).toContain(`${ANNOUNCEMENT.theme} ${ANNOUNCEMENT.sessions}`);
      const items = en.filter((b) => ANNOUNCEMENT.subThemes.includes(b));
      expect(items).toEqual(ANNOUNCEMENT.subThemes);
    });
    it('names the ten delegates with their honorifics, each under their own side', () => {
      const us = en.find((b) => b.startsWith('The delegates from the United States included'))!;
      const usSentence = us.slice(0, us.indexOf('Pakistan was represented by'));
      const pkSentence = us.slice(us.indexOf('Pakistan was represented by'));
      for (const name of ANNOUNCEMENT.usDelegates) expect(usSentence).toContain(name);
      for (const name of ANNOUNCEMENT.pakistanDelegates) expect(pkSentence).toContain(name);
      const named = [...us.matchAll(/(?:Dr\. |Ambassador )?[A-Z][a-z]+(?: [A-Z][a-z]+)+/g)]
        .map((m) => m[0])
        .filter((n) => !['United States', 'The'].includes(n));
      expect(named.sort()).toEqual(
        [...ANNOUNCEMENT.usDelegates, ...ANNOUNCEMENT.pakistanDelegates].sort(),
      );
    });
    it('counts the twenty-five other attendees by background, naming none of them', () => {
      const paragraph = en.find((b) => b.startsWith(ANNOUNCEMENT.attendees))!;
      expect(paragraph).toBeDefined();
      for (const background of ANNOUNCEMENT.backgrounds)
        expect(paragraph).toMatch(new RegExp(`(four|five) ${background}`));
      expect(text).not.toMatch(/Oakhollow|Ravidin|Fenwold|Saltrangi|Fictional/);
    });
    it('closes with the talks and the continuity of engagement', () => {
      expect(en).toContain(`${ANNOUNCEMENT.talks}.`);
      expect(en).toContain(ANNOUNCEMENT.continuity);
    });
    it('is published in Urdu too, right to left', async () => {
      const page = await t.app.inject({ url: `/series/${DEMO_SERIES_SLUG}/rounds/2?lang=ur` });
      expect(page.body).toContain('<html lang="ur" dir="rtl">');
      const ur = blocks(page.body);
      expect(ur[0]).toBe(
        'امریکہ-پاکستان دوطرفہ (ٹریک-II/I.5) مکالمے کا دوسرا دور 5–6 اپریل کو اسلام آباد میں منعقد ہوا۔',
      );
      expect(ur.join('\n')).toContain('مزید 25 افراد');
      for (const subTheme of ANNOUNCEMENT.subThemes) expect(ur).toContain(subTheme);
    });
  });
}
