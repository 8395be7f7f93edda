/**
 * Regenerates the committed pictures of the public report: the demo's round 2 report page (English
 * and Urdu, with one approved comment) and page 1 of its PDF. Needs Chromium and pdftoppm
 * (poppler-utils). Run: node bin/run-ts.js bench/report-screenshots.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../e2e/support/browser.ts';
import { DEMO_LOGINS, DEMO_SERIES_SLUG, loadDemo } from '../src/demo/load.ts';
import { usersRepo } from '../src/server/repositories/users.repository.ts';
import { createTestApp } from '../test/support/app.ts';
import { sessionClient } from '../test/support/factories.ts';

const OUT = join(process.cwd(), 'docs', 'screenshots');
const ROUND_2 = `/series/${DEMO_SERIES_SLUG}/rounds/2`;

const t = await createTestApp('sqlite', { live: false });
try {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  await loadDemo(t.deps.db);
  const admin = await usersRepo.findByEmail(
    t.deps.db.kysely,
    DEMO_LOGINS.find((l) => l.role === 'admin')!.email,
  );
  const organiser = await sessionClient(t, admin!.id);
  const report = await firstReportId();
  await t.app.inject({
    method: 'POST',
    url: `/api/v1/reports/${report}/comments`,
    payload: {
      name: 'A reader in Lahore',
      text: 'Good to see the stress on continuity of engagement. Will the next round be announced here?',
    },
  });
  const held = (
    await organiser.request('GET', `/api/v1/reports/${report}/comments?status=pending`)
  ).json().items;
  await organiser.request('POST', `/api/v1/comments/${held[0].id}/moderation`, {
    decision: 'approve',
  });

  const chrome = await launchBrowser();
  const { page } = await chrome.newPage(1000);
  await page.goto(`${base}${ROUND_2}`);
  await page.screenshot({ path: join(OUT, 'report-page.png'), fullPage: true });
  await page.goto(`${base}${ROUND_2}?lang=ur`);
  await page.screenshot({ path: join(OUT, 'report-page-ur.png'), fullPage: true });
  const pdf = await (await page.request.get(`${base}${ROUND_2}/report.pdf?lang=en`)).body();
  const dir = mkdtempSync(join(tmpdir(), 'parley-pdf-'));
  writeFileSync(join(dir, 'report.pdf'), pdf);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    join(dir, 'report.pdf'),
    join(OUT, 'report-pdf-page1'),
  ]);
  await chrome.close();
  console.log(`wrote ${OUT}/report-page.png, report-page-ur.png and report-pdf-page1.png`);

  async function firstReportId(): Promise<string> {
    const series = (await organiser.request('GET', '/api/v1/series'))
      .json()
      .items.find((s: { slug: string }) => s.slug === DEMO_SERIES_SLUG);
    const round = (await organiser.request('GET', `/api/v1/series/${series.id}/rounds`))
      .json()
      .items.find((r: { number: number }) => r.number === 2);
    return (await organiser.request('GET', `/api/v1/rounds/${round.id}/report`)).json().id;
  }
} finally {
  await t.close();
}
