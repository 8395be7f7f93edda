import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRound, buildSeries } from '../test/support/factories.ts';
import { appErrors, launchBrowser, screenshots, type TestBrowser } from './support/browser.ts';
import { makeUser, signInThroughForm } from './support/people.ts';
import { startApp, type RunningApp } from './support/server.ts';

// Browser tests run on SQLite only: see e2e/support/server.ts.
describe('venue time zones: a session set in Islamabad, read from elsewhere', () => {
  let app: RunningApp;
  let chrome: TestBrowser;
  let organiser: Page;
  let roundId = '';
  beforeAll(async () => {
    app = await startApp();
    chrome = await launchBrowser();
    await makeUser(app, 'organiser@example.org', { isAdmin: true });
    const series = await buildSeries(app.deps.db.kysely, { title: 'US-Pakistan Dialogue' });
    const round = await buildRound(app.deps.db.kysely, {
      series_id: series.id,
      number: 2,
      city: 'Islamabad',
      starts_on: '2026-04-05',
      ends_on: '2026-04-06',
      time_zone: 'Asia/Karachi',
    });
    roundId = round.id;
    // The organiser's own browser is in London: they type Islamabad's clock all the same.
    organiser = (await chrome.newPage(1280, { timezoneId: 'Europe/London' })).page;
    await signInThroughForm(organiser, app.baseUrl, 'organiser@example.org');
  });
  afterAll(async () => {
    await chrome?.close();
    await app?.close();
  });

  it('an organiser enters the time in the venue zone', async () => {
    await organiser.goto(`${app.baseUrl}/app/rounds/${roundId}/setup`);
    await organiser.getByText('Times are in the venue’s zone, Asia/Karachi.').first().waitFor();
    const form = organiser.locator('details', { hasText: 'Add a session' });
    // Open already when the agenda is empty.
    if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open)))
      await form.locator('summary').click();
    await form.getByLabel('Title').fill('Managing militancy');
    await form.getByLabel('Starts').fill('2026-04-05T09:30');
    await form.getByLabel('Ends').fill('2026-04-05T11:00');
    await form.getByRole('button', { name: 'Add the session' }).click();
    const card = organiser.locator('li.card', { hasText: 'Managing militancy' });
    await card.getByText('09:30 PKT, 5 April 2026').waitFor();
    expect(await card.textContent()).toContain('(your time: 05:30 BST, 5 April 2026)');
    const stored = await app.deps.db.kysely
      .selectFrom('sessions')
      .select('starts_at')
      .where('round_id', '=', roundId)
      .executeTakeFirstOrThrow();
    expect(stored.starts_at).toBe('2026-04-05T09:30:00+05:00');
    expect(appErrors(organiser)).toEqual([]);
  });

  it('a reader in New York sees the venue time and their own, both labelled', async () => {
    const { page } = await chrome.newPage(1280, { timezoneId: 'America/New_York' });
    await page.goto(`${app.baseUrl}/app/rounds/${roundId}`);
    const card = page.locator('article', { hasText: 'Managing militancy' });
    await card.getByText('09:30 PKT, 5 April 2026').waitFor();
    expect(await card.textContent()).toContain('(your time: 00:30 EDT, 5 April 2026)');
    expect(await card.locator('time').getAttribute('datetime')).toBe('2026-04-05T09:30:00+05:00');
    const ics = card.getByRole('link', { name: 'Add to a calendar (.ics)' });
    const res = await page.request.get(`${app.baseUrl}${await ics.getAttribute('href')}`);
    expect(await res.text()).toContain('DTSTART:20260405T043000Z');
    await screenshots(page, 'agenda-venue-time-new-york');
    // A reader in Islamabad is told once: their clock is the venue's.
    const local = (await chrome.newPage(1280, { timezoneId: 'Asia/Karachi' })).page;
    await local.goto(`${app.baseUrl}/app/rounds/${roundId}`);
    const here = local.locator('article', { hasText: 'Managing militancy' });
    await here.getByText('09:30 PKT, 5 April 2026').waitFor();
    expect(await here.textContent()).not.toContain('your time');
    expect(appErrors(page)).toEqual([]);
  });
});
