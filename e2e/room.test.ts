import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRoom, seedStatement, vote, type Room } from '../test/support/room.ts';
import {
  appErrors,
  launchBrowser,
  screenshots,
  seriousAxeViolations,
  type TestBrowser,
} from './support/browser.ts';
import { startApp, type RunningApp } from './support/server.ts';
import { useSessionCookie } from './support/session.ts';

const TEXTS = {
  hotline: 'Keep the military hotline open around the clock.',
  tariffs: 'Remove tariffs on textiles within a year.',
  water: 'Share river flow data through a joint commission.',
};

async function checkPage(page: Page, name: string) {
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshots(page, name);
}

// Browser tests run on SQLite only: see e2e/support/server.ts.
describe('the room view and the analysis pages follow the votes', () => {
  let app: RunningApp;
  let chrome: TestBrowser;
  let room: Room;
  let projector: { context: BrowserContext; page: Page };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Releases when the test says: a release in the middle of the votes would hold the rest back.
    app = await startApp({ live: { scheduleReleases: false } });
    chrome = await launchBrowser();
    // Six participants: 0, 2, 4 in the first delegation, 1, 3, 5 in the second (k = 3 per side).
    room = await buildRoom(app, { rule: 'chatham_house', participants: 6 });
    for (const [key, text] of Object.entries(TEXTS)) ids[key] = await seedStatement(room, text);
    projector = await chrome.newPage(1280);
    await useSessionCookie(projector.context, app.baseUrl, room.organiser.cookie);
  });
  afterAll(async () => {
    await chrome?.close();
    await app?.close();
  });

  it('shows the newest statement and updates its counts and the map live as votes arrive', async () => {
    const { page } = projector;
    await page.goto(`${app.baseUrl}/app/sessions/${room.sessionId}/room`);
    await page.getByRole('heading', { name: 'Now in front of the room' }).waitFor();
    await expect.poll(() => page.locator('.live').textContent()).toContain('Live');
    expect(await page.locator('.room__current .statement__text').textContent()).toBe(TEXTS.water);
    // Everyone agrees on the hotline; the sides split on tariffs; water: one side agrees, the other passes.
    for (const [i, p] of room.participants.entries()) {
      const side = i % 2;
      for (const [id, value] of [
        [ids.hotline, 1],
        [ids.tariffs, side === 0 ? 1 : -1],
        [ids.water, side === 0 ? 1 : 0],
      ] as const) {
        const res = await vote(p, room.sessionId, id, value);
        expect(res.statusCode, res.body).toBe(201);
      }
    }
    expect(await app.deps.live!.releaseNow(room.sessionId)).toBe('computed');
    const numbers = page.locator('.room__current .counts-bar__numbers');
    await expect.poll(() => numbers.textContent(), { timeout: 15_000 }).toContain('3 agree');
    expect(await numbers.textContent()).toContain('3 passed');
    await expect
      .poll(() => page.locator('.room__map figcaption').textContent(), { timeout: 15_000 })
      .toContain('Group');
    // Groups as regions; no one's own point.
    expect(await page.locator('.room__map .opinion-map__region').count()).toBeGreaterThan(0);
    expect(await page.locator('.room__map svg circle').count()).toBe(0);
    await expect.poll(() => page.locator('.room__current .agreement__row').count()).toBe(2);
    await checkPage(page, 'room');
  });

  it('draws the session analysis: map, convergence and divergence lists, numbers on demand', async () => {
    const { page } = projector;
    await page.goto(`${app.baseUrl}/app/sessions/${room.sessionId}/analysis`);
    await page.getByRole('heading', { level: 1, name: /Analysis/ }).waitFor();
    expect(await page.locator('main').textContent()).toContain('6 voters');
    // Three people voted identically on each side: two groups of three, drawn as regions.
    expect(await page.locator('.opinion-map__region').count()).toBe(2);
    const convergence = page.getByRole('region', { name: 'Convergence' });
    expect(await convergence.textContent()).toContain(TEXTS.hotline);
    const divergence = page.getByRole('region', { name: 'Divergence' });
    expect(await divergence.textContent()).toContain(TEXTS.tariffs);
    // Numbers only on demand: the table is inside a closed disclosure.
    const details = convergence.locator('details.numbers').first();
    expect(await details.locator('table').isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.locator('table').isVisible()).toBe(true);
    await checkPage(page, 'analysis-session');
  });

  it('names no participant anywhere in the room view or the analysis (Chatham House)', async () => {
    const { page } = projector;
    for (const path of [
      `/app/sessions/${room.sessionId}/room`,
      `/app/sessions/${room.sessionId}/analysis`,
      `/app/rounds/${room.roundId}/analysis`,
    ]) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.locator('.opinion-map').first().waitFor();
      const html = await page.content();
      for (const p of room.participants) {
        for (const identity of [p.fullName, p.email, p.userId, p.personId, p.participationId])
          expect(html).not.toContain(identity);
      }
    }
  });

  it('shows the same analysis in Urdu, right to left', async () => {
    const { page } = projector;
    await page.getByRole('button', { name: 'اردو' }).click();
    await page.getByRole('region', { name: 'ہم آہنگی' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await checkPage(page, 'analysis-session-ur');
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('draws the round analysis with every session', async () => {
    const { page } = projector;
    await page.goto(`${app.baseUrl}/app/rounds/${room.roundId}/analysis`);
    await page.getByRole('heading', { level: 1, name: /Analysis of the round/ }).waitFor();
    await expect.poll(() => page.locator('main').textContent()).toContain('6 voters');
    // Statements on the map, and no one's own point: only groups, as regions.
    expect(await page.locator('.opinion-map__statement').count()).toBeGreaterThan(0);
    expect(await page.locator('.opinion-map__participant').count()).toBe(0);
    await checkPage(page, 'analysis-round');
    expect(appErrors(page)).toEqual([]);
  });
});
