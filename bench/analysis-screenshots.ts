/**
 * Regenerates the committed pictures of the analysis as releases show it: the demo's round 2
 * first working session, its analysis page and its room view, in English and Urdu, at projector
 * (1280 px) and phone (360 px) widths. Needs Chromium. Run: node bin/run-ts.js bench/analysis-screenshots.ts
 */
import { join } from 'node:path';
import { launchBrowser } from '../e2e/support/browser.ts';
import { useSessionCookie } from '../e2e/support/session.ts';
import { startApp } from '../e2e/support/server.ts';
import { DEMO_LOGINS, loadDemo } from '../src/demo/load.ts';
import { demoId } from '../src/demo/document.ts';
import { usersRepo } from '../src/server/repositories/users.repository.ts';
import { cookieFor } from '../test/support/live.ts';

const OUT = join(process.cwd(), 'docs', 'screenshots');
const app = await startApp();
const browser = await launchBrowser();
try {
  await loadDemo(app.deps.db);
  const organiser = await usersRepo.findByEmail(
    app.deps.db.kysely,
    DEMO_LOGINS.find((l) => l.role === 'organiser')!.email,
  );
  const cookie = await cookieFor(app, organiser!.id);
  const session = demoId('session:2:1');
  for (const lang of ['en', 'ur'])
    for (const width of [1280, 360])
      for (const [name, path] of [
        ['demo-session-analysis', `/app/sessions/${session}/analysis`],
        ['demo-room', `/app/sessions/${session}/room`],
      ]) {
        const { context, page } = await browser.newPage(width);
        await useSessionCookie(context, app.baseUrl, cookie);
        await page.addInitScript((l) => localStorage.setItem('parley.lang', l), lang);
        await page.goto(`${app.baseUrl}${path}`);
        await page.locator('h1').first().waitFor();
        await page.waitForTimeout(500);
        const file = join(OUT, `${name}${lang === 'ur' ? '-ur' : ''}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await context.close();
      }
} finally {
  await browser.close();
  await app.close();
}
