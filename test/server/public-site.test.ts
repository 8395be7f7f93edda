import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildReportableRound, publishThroughApi } from './reports.fixture.ts';

for (const dialect of testDialects()) {
  describe(`[${dialect}] the public site`, () => {
    let t: TestApp;
    let admin: Client;
    let fixture: Awaited<ReturnType<typeof buildReportableRound>>;
    let headline: string;
    const get = (url: string) => t.app.inject({ url });
    beforeAll(async () => {
      t = await createTestApp(dialect, {
        live: false,
        env: { PUBLIC_URL: 'https://dialogue.example' },
      });
      admin = await signIn(t, { isAdmin: true });
      fixture = await buildReportableRound(t.deps.db.kysely);
      headline = (await publishThroughApi(admin, fixture.round.id)).text.en.headline;
    });
    afterAll(() => t.close());

    it('shows a series with its rounds, linking the published report only', async () => {
      const res = await get(`/series/${fixture.series.slug}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<h1 id="series-title">North-South Dialogue</h1>');
      expect(res.body).toContain(`href="/series/${fixture.series.slug}/rounds/3"`);
      expect(res.body).not.toContain(`/rounds/1"`);
      expect(res.body).toContain('No outcome report has been published yet.');
      expect(res.body.indexOf('Skip to main content')).toBeLessThan(res.body.indexOf('<header>'));
    });
    it('answers 404 for an unknown series, a round without a published report, and a bad number', async () => {
      expect((await get('/series/no-such-series')).statusCode).toBe(404);
      expect((await get(`/series/${fixture.series.slug}/rounds/1`)).statusCode).toBe(404);
      expect((await get(`/series/${fixture.series.slug}/rounds/abc`)).statusCode).toBe(404);
      expect((await get(`/series/${fixture.series.slug}/rounds/1/report.pdf`)).statusCode).toBe(
        404,
      );
    });
    it('renders the report in English with landmarks, a language switch and Open Graph metadata', async () => {
      const res = await get(`/series/${fixture.series.slug}/rounds/3`);
      expect(res.body).toContain('<html lang="en" dir="ltr">');
      expect(res.body).toMatch(/<body>\s*<a class="skip" href="#main">Skip to main content<\/a>/);
      expect(res.body).toContain('<main id="main">');
      expect(res.body).toContain(`<h1 id="report-headline">${headline}</h1>`);
      expect(res.body).toContain(
        '<a href="/series/' +
          fixture.series.slug +
          '/rounds/3?lang=ur" lang="ur" hreflang="ur">اردو</a>',
      );
      expect(res.body).toContain(`<meta property="og:title" content="${headline}">`);
      expect(res.body).toContain(
        `<meta property="og:url" content="https://dialogue.example/series/${fixture.series.slug}/rounds/3">`,
      );
      expect(res.body).toContain('<meta property="og:type" content="article">');
      expect(res.body).toContain('Leave a comment');
    });
    it('renders it in Urdu, right to left, with dates formatted for ur-PK', async () => {
      const res = await get(`/series/${fixture.series.slug}/rounds/3?lang=ur`);
      expect(res.body).toContain('<html lang="ur" dir="rtl">');
      expect(res.body).toContain('1–3 جون 2026');
      expect(res.body).toContain('مرکزی مواد پر جائیں');
      expect(res.body).toContain('<meta property="og:locale" content="ur_PK">');
      expect(res.body).toContain("'Noto Nastaliq Urdu'");
    });
    it('neutralises script and event-handler payloads in report Markdown', async () => {
      const report = (
        await admin.request('GET', `/api/v1/rounds/${fixture.round.id}/report`)
      ).json();
      const payload =
        '**kept** [click](javascript:window.pwned=3)\n\n<script>window.pwned=1</script>\n\n<img src=x onerror="window.pwned=2">';
      const en = {
        ...report.text.en,
        sections: [
          ...report.text.en.sections,
          { key: 'payload', heading: 'Payload', markdown: payload },
        ],
      };
      const edited = (
        await admin.request('PATCH', `/api/v1/reports/${report.id}`, {
          baseVersion: report.version,
          en,
        })
      ).json();
      await admin.request('POST', `/api/v1/reports/${report.id}/approve`, {
        version: edited.version,
      });
      expect(
        (
          await admin.request('POST', `/api/v1/reports/${report.id}/publish`, {
            correctionNote: 'Added a section.',
          })
        ).statusCode,
      ).toBe(201);
      const body = (await get(`/series/${fixture.series.slug}/rounds/3`)).body;
      expect(body).toContain('<strong>kept</strong>');
      expect(body).not.toMatch(/<script>window|onerror|javascript:/);
    });
    it('answers 503, not 500, when Chromium cannot print the PDF', async () => {
      const previous = process.env.CHROMIUM_PATH;
      process.env.CHROMIUM_PATH = '/nonexistent/chromium';
      const other = await createTestApp(dialect, { live: false });
      try {
        const otherAdmin = await signIn(other, { isAdmin: true });
        const round = await buildReportableRound(other.deps.db.kysely);
        await publishThroughApi(otherAdmin, round.round.id);
        const res = await other.app.inject({
          url: `/series/${round.series.slug}/rounds/3/report.pdf?lang=en`,
        });
        expect(res.statusCode).toBe(503);
        expect(res.body).toContain('The PDF cannot be made right now');
      } finally {
        if (previous === undefined) delete process.env.CHROMIUM_PATH;
        else process.env.CHROMIUM_PATH = previous;
        await other.close();
      }
    });
    it('links the series pages from the home page', async () => {
      const home = await get('/');
      expect(home.body).toContain(`href="/series/${fixture.series.slug}"`);
    });
  });
}
