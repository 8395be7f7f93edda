import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_SERIES_SLUG, loadDemo } from '../src/demo/load.ts';
import { usersRepo } from '../src/server/repositories/users.repository.ts';
import type { Client } from '../test/support/app.ts';
import { sessionClient } from '../test/support/factories.ts';
import { appErrors, launchBrowser, type TestBrowser } from './support/browser.ts';
import { startApp, type RunningApp } from './support/server.ts';

const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
const AXE_SOURCE = readFileSync(
  join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'),
  'utf8',
);
const hasTool = (tool: string) =>
  ['/usr/bin', '/usr/local/bin'].some((dir) => existsSync(join(dir, tool)));
const ROUND_2 = `/series/${DEMO_SERIES_SLUG}/rounds/2`;
const HEADLINE =
  'Second round of the US-Pakistan Bilateral (Track-II/I.5) Dialogue held in Islamabad on April 5-6.';

/** Every axe-core violation of the WCAG 2.x A and AA rules (all impacts). */
async function axeViolations(page: Page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            o: object,
          ): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned);

// Browser tests run on SQLite only: see e2e/support/server.ts.
describe('the public report in a real browser', () => {
  let app: RunningApp;
  let chrome: TestBrowser;
  let organiser: Client;
  beforeAll(async () => {
    app = await startApp();
    await loadDemo(app.deps.db);
    const admin = await usersRepo.findByEmail(
      app.deps.db.kysely,
      DEMO_LOGINS.find((l) => l.role === 'admin')!.email,
    );
    organiser = await sessionClient(app, admin!.id);
    chrome = await launchBrowser();
  });
  afterAll(async () => {
    await chrome?.close();
    await app?.close();
  });

  it('the series page and the report in English and Urdu have no axe violations', async () => {
    const { page } = await chrome.newPage(1280);
    // Every resource the pages load answers (the browser's own favicon probe aside: no icon is served).
    const failed: string[] = [];
    page.on(
      'response',
      (r) =>
        r.status() >= 400 &&
        !r.url().endsWith('/favicon.ico') &&
        failed.push(`${r.status()} ${r.url()}`),
    );
    for (const path of [`/series/${DEMO_SERIES_SLUG}`, ROUND_2, `${ROUND_2}?lang=ur`]) {
      await page.goto(`${app.baseUrl}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
    expect(failed).toEqual([]);
    expect(
      appErrors(page).filter((e) => !e.includes('404')),
      'script errors',
    ).toEqual([]);
  });

  it('reaches the report from the home page, switches to Urdu (right to left) and back', async () => {
    const { page } = await chrome.newPage(1280);
    await page.goto(`${app.baseUrl}/`);
    await page
      .getByRole('link', { name: 'The series page: rounds and published outcome reports' })
      .click();
    await page.getByRole('link', { name: 'Read the outcome report' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(HEADLINE);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Skip to main content',
    );
    await page.getByRole('link', { name: 'اردو' }).click();
    expect(
      await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).toEqual(['ur', 'rtl']);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain(
      'Noto Nastaliq Urdu',
    );
    await page.getByRole('link', { name: 'English' }).click();
    expect(new URL(page.url()).search).toBe('');
  });

  it('takes a comment through the form without JavaScript; a script payload never runs', async () => {
    const { context } = await chrome.newPage(1280);
    await context.close();
    const noJs = await chrome.browser.newContext({ javaScriptEnabled: false });
    const form = await noJs.newPage();
    await form.goto(`${app.baseUrl}${ROUND_2}`);
    await form.getByLabel('Name').fill('<img src=x onerror="window.pwned=1">');
    await form
      .getByLabel('Comment', { exact: true })
      .fill('<script>window.pwned=2</script> Good to see continuity.');
    await form.getByRole('button', { name: 'Send comment' }).click();
    expect(await form.getByRole('status').textContent()).toContain('held for moderation');
    await noJs.close();

    const reportId = (
      await organiser.request('GET', `/api/v1/rounds/${await round2Id()}/report`)
    ).json().id;
    const held = (
      await organiser.request('GET', `/api/v1/reports/${reportId}/comments?status=pending`)
    ).json().items;
    expect(held).toHaveLength(1);
    await organiser.request('POST', `/api/v1/comments/${held[0].id}/moderation`, {
      decision: 'approve',
    });

    const { page } = await chrome.newPage(1280);
    await page.goto(`${app.baseUrl}${ROUND_2}`);
    expect(await page.locator('.comment .text').first().textContent()).toBe(
      '<script>window.pwned=2</script> Good to see continuity.',
    );
    expect(await page.locator('.comment .who').first().textContent()).toContain(
      '<img src=x onerror="window.pwned=1">',
    );
    expect(await pwned(page)).toBeUndefined();
    // The markup itself is inert, not only blocked by the CSP: load it again with no CSP at all.
    const body = await (await page.request.get(`${app.baseUrl}${ROUND_2}`)).text();
    await page.setContent(body);
    expect(await pwned(page)).toBeUndefined();
  });

  it('neutralises script, event-handler and javascript: payloads in the report Markdown', async () => {
    const report = (
      await organiser.request('GET', `/api/v1/rounds/${await round2Id()}/report`)
    ).json();
    const payload =
      '**Inert.** [link](javascript:window.pwned=3)\n\n<script>window.pwned=4</script>\n\n<img src="/x" onerror="window.pwned=5">\n\n<a href="#" onclick="window.pwned=6">click</a>';
    const en = {
      ...report.text.en,
      sections: [
        ...report.text.en.sections,
        { key: 'payload', heading: 'Payload', markdown: payload },
      ],
    };
    const edited = (
      await organiser.request('PATCH', `/api/v1/reports/${report.id}`, {
        baseVersion: report.version,
        en,
      })
    ).json();
    await organiser.request('POST', `/api/v1/reports/${report.id}/approve`, {
      version: edited.version,
    });
    expect(
      (
        await organiser.request('POST', `/api/v1/reports/${report.id}/publish`, {
          correctionNote: 'A test section was added.',
        })
      ).statusCode,
    ).toBe(201);

    const { page } = await chrome.newPage(1280);
    await page.goto(`${app.baseUrl}${ROUND_2}`);
    expect(await page.getByRole('note').first().textContent()).toMatch(
      /^Corrected on .+: A test section was added\.$/,
    );
    await page.getByText('click', { exact: true }).click();
    expect(await pwned(page)).toBeUndefined();
    const body = await (await page.request.get(`${app.baseUrl}${ROUND_2}`)).text();
    await page.setContent(body);
    await page.getByText('click', { exact: true }).click();
    expect(await pwned(page)).toBeUndefined();
    expect(
      await page
        .locator(
          'article a[href^="javascript"], article [onerror], article [onclick], article script',
        )
        .count(),
    ).toBe(0);

    // Put the announcement's text back, as a second correction, for the screenshots.
    const current = (await organiser.request('GET', `/api/v1/reports/${report.id}`)).json();
    const restored = (
      await organiser.request('PATCH', `/api/v1/reports/${report.id}`, {
        baseVersion: current.version,
        en: report.text.en,
      })
    ).json();
    await organiser.request('POST', `/api/v1/reports/${report.id}/approve`, {
      version: restored.version,
    });
    await organiser.request('POST', `/api/v1/reports/${report.id}/publish`, {
      correctionNote: 'The test section was removed.',
    });
  });

  it('renders the report as PDF in English and Urdu, and saves screenshots of the page and of PDF page 1', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const { page } = await chrome.newPage(1000);
    await page.goto(`${app.baseUrl}${ROUND_2}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-page.png'), fullPage: true });

    for (const lang of ['en', 'ur'] as const) {
      const res = await page.request.get(`${app.baseUrl}${ROUND_2}/report.pdf?lang=${lang}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      const pdf = await res.body();
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
      const file = join(SCREENSHOTS, `report-${lang}.pdf`);
      writeFileSync(file, pdf);
      if (hasTool('pdftotext')) {
        // Lines end inside words ("Track-" / "II/I.5"): join them before comparing.
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
          .replace(/-\s*\n\s*/g, '-')
          .replace(/\s+/g, ' ');
        if (lang === 'en') expect(text).toContain(HEADLINE);
        if (lang === 'en')
          expect(text).toContain('twenty-five people representing a variety of backgrounds');
        if (lang === 'ur') expect(text).toContain('Convergence amid Divergence');
      }
      if (hasTool('pdfinfo'))
        expect(
          Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]),
        ).toBeGreaterThanOrEqual(1);
      if (lang === 'en' && hasTool('pdftoppm')) {
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '80',
          '-f',
          '1',
          '-l',
          '1',
          '-singlefile',
          file,
          join(SCREENSHOTS, 'report-pdf-page1'),
        ]);
        expect(existsSync(join(SCREENSHOTS, 'report-pdf-page1.png'))).toBe(true);
      }
    }
  });

  async function round2Id() {
    const series = (await organiser.request('GET', '/api/v1/series'))
      .json()
      .items.find((s: { slug: string }) => s.slug === DEMO_SERIES_SLUG);
    const rounds = (await organiser.request('GET', `/api/v1/series/${series.id}/rounds`)).json()
      .items;
    return rounds.find((r: { number: number }) => r.number === 2).id as string;
  }
});
