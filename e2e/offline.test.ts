import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { WEB_ROOT } from '../src/server/routes/web.routes.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../test/support/factories.ts';
import { buildRoom, seedStatement, type Room, type RoomMember } from '../test/support/room.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { startApp, type RunningApp } from './support/server.ts';
import { signInThroughForm } from './support/people.ts';

/** Everything this browser keeps for the app: cache names with every entry's text, and storage. */
async function keptInBrowser(page: Page) {
  return page.evaluate(async () => {
    const caches: Record<string, string[]> = {};
    for (const name of await window.caches.keys()) {
      if (!name.startsWith('parley-data-')) continue;
      const cache = await window.caches.open(name);
      caches[name] = await Promise.all(
        (await cache.keys()).map(async (r) => `${r.url} ${await (await cache.match(r))!.text()}`),
      );
    }
    return { caches, storage: Object.keys(window.localStorage) };
  });
}

const displayName = async (member: RoomMember): Promise<string> =>
  (await member.client.request('GET', '/api/v1/me')).json().user.displayName;

const controlled = (page: Page) =>
  expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), {
      timeout: 20_000,
    })
    .toBe(true);

// Browser tests run on SQLite only: see e2e/support/server.ts.
describe('a participant on a dead network, then the next person on the same phone', () => {
  let app: RunningApp;
  let chrome: TestBrowser;
  let room: Room;
  let phone: { context: BrowserContext; page: Page };
  let alice: RoomMember;
  let bob: RoomMember;
  const voteUrl = () => `${app.baseUrl}/app/sessions/${room.sessionId}/vote`;
  const status = (page: Page, text: string | RegExp) =>
    page.getByRole('status').filter({ hasText: text });
  const current = (page: Page) => page.getByRole('group', { name: 'The statement to vote on' });

  beforeAll(async () => {
    app = await startApp();
    chrome = await launchBrowser();
    room = await buildRoom(app, { rule: 'chatham_house', participants: 2 });
    [alice, bob] = room.participants;
    for (const text of [
      'Open a standing channel on water data.',
      'Ease visas for academics and journalists.',
      'Hold the next round in Lahore.',
    ])
      await seedStatement(room, text);
    phone = await chrome.newPage(360);
  });
  afterAll(async () => {
    await chrome?.close();
    await app?.close();
  });

  it('takes a participant through sign-in, home, agenda and voting on the entry’s scripts alone', async () => {
    const { page } = await chrome.newPage(360);
    const scripts = new Set<string>();
    page.on(
      'request',
      (r) => r.resourceType() === 'script' && scripts.add(new URL(r.url()).pathname),
    );
    await signInThroughForm(page, app.baseUrl, alice.email, TEST_PASSWORD);
    await page.goto(`${app.baseUrl}/app/rounds/${room.roundId}`);
    await page.getByRole('link', { name: 'Take part' }).first().click();
    await current(page).waitFor();
    const entry = readFileSync(join(WEB_ROOT, 'index.html'), 'utf8');
    const named = [...entry.matchAll(/\/app\/assets\/[^"]+\.js/g)].map((m) => m[0]);
    expect(scripts.size).toBeGreaterThan(0);
    // No organiser, moderation, room, analysis or outcomes code, nor their words.
    expect([...scripts].filter((s) => !named.includes(s))).toEqual([]);
    await page.context().close();
  });

  it('reloads the voting page from the service worker with the network cut, queued vote and all', async () => {
    const { page, context } = phone;
    await signInThroughForm(page, app.baseUrl, alice.email, TEST_PASSWORD);
    await page.goto(voteUrl());
    await current(page).waitFor();
    await controlled(page);
    await current(page).getByRole('button', { name: 'Agree', exact: true }).click();
    await status(page, 'Saved').waitFor();

    await context.setOffline(true);
    await current(page).getByRole('button', { name: 'Disagree', exact: true }).click();
    await status(page, 'waiting for the connection').waitFor();
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('.rule').textContent()).toContain('Chatham House Rule');
    await status(page, '1 vote is waiting for the connection').waitFor();
    await page.getByText('Your votes (2): change them').waitFor();
    expect(await page.locator('.who').textContent()).toBe(await displayName(alice));

    await context.setOffline(false);
    await expect
      .poll(
        async () =>
          (await alice.client.request('GET', `/api/v1/sessions/${room.sessionId}/my-votes`)).json()
            .items.length,
        { timeout: 20_000 },
      )
      .toBe(2);
    await expect.poll(() => status(page, 'waiting for the connection').count()).toBe(0);
  });

  it('leaves nothing of the participant in the browser after they sign out', async () => {
    const { page, context } = phone;
    expect(Object.keys((await keptInBrowser(page)).caches)).toEqual([
      `parley-data-${alice.userId}`,
    ]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('.site-header').getByRole('link', { name: 'Sign in' }).waitFor();
    await expect.poll(async () => (await keptInBrowser(page)).caches).toEqual({});
    expect(
      (await keptInBrowser(page)).storage.filter(
        (k) => k.startsWith('parley.votes') || k === 'parley.user',
      ),
    ).toEqual([]);

    // Offline now, the app still starts, and has nobody's data to show.
    await context.setOffline(true);
    await page.goto(voteUrl());
    await page.getByText('No connection to the server').waitFor();
    expect(await page.textContent('body')).not.toContain(await displayName(alice));
    await context.setOffline(false);
  });

  it('shows the next person none of the first one’s data, online or off', async () => {
    const { page, context } = phone;
    await signInThroughForm(page, app.baseUrl, bob.email, TEST_PASSWORD);
    await page.goto(voteUrl());
    await current(page).waitFor();
    expect(await page.getByText(/Your votes? \(/).count()).toBe(0);
    await current(page).getByRole('button', { name: 'Pass / unsure' }).click();
    await status(page, 'Saved').waitFor();

    await context.setOffline(true);
    await page.reload();
    await current(page).waitFor();
    await page.getByText('Your vote (1): change it').waitFor();
    const kept = await keptInBrowser(page);
    expect(Object.keys(kept.caches)).toEqual([`parley-data-${bob.userId}`]);
    const everything = JSON.stringify(kept) + (await page.textContent('body'));
    for (const trace of [alice.userId, alice.email, alice.participationId, alice.personId])
      expect(everything).not.toContain(trace);
    expect(everything).not.toContain(await displayName(alice));
    expect(await page.locator('.who').textContent()).toBe(await displayName(bob));
    await context.setOffline(false);
  });
});
