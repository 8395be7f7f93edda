import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRoom, seedStatement, storedCounts, type Room } from '../test/support/room.ts';
import {
  appErrors,
  launchBrowser,
  screenshots,
  seriousAxeViolations,
  type TestBrowser,
} from './support/browser.ts';
import { startApp, type RunningApp } from './support/server.ts';
import { useSessionCookie } from './support/session.ts';

const XSS = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> Exchange hotline numbers`;

async function checkPage(page: Page, name: string) {
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshots(page, name);
}

// Browser tests run on SQLite only: see e2e/support/server.ts.
describe('in the room: voting on a phone, a flaky connection, moderation', () => {
  let app: RunningApp;
  let chrome: TestBrowser;
  let room: Room;
  let phone: { context: BrowserContext; page: Page };
  let moderator: { context: BrowserContext; page: Page };
  const statements: Record<string, string> = {};

  beforeAll(async () => {
    app = await startApp();
    chrome = await launchBrowser();
    room = await buildRoom(app, { rule: 'chatham_house', participants: 2 });
    statements.hotline = await seedStatement(room, XSS);
    statements.visas = await seedStatement(
      room,
      'Ease visas for academics and journalists on both sides.',
    );
    statements.water = await seedStatement(
      room,
      'Create a joint technical group on water data sharing.',
      'mechanism',
    );
    phone = await chrome.newPage(360);
    await useSessionCookie(phone.context, app.baseUrl, room.participants[0].client.cookie);
    moderator = await chrome.newPage(1280);
    await useSessionCookie(moderator.context, app.baseUrl, room.moderator.client.cookie);
  });
  afterAll(async () => {
    await chrome?.close();
    await app?.close();
  });

  // Stored votes, as the database holds them: the API shows only released totals (k voters).
  const serverCounts = (id: string) => storedCounts(app, id);

  it('shows the rule, then one statement at a time with a visible "saved"', async () => {
    const { page } = phone;
    await page.goto(`${app.baseUrl}/app/sessions/${room.sessionId}/vote`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('.rule').textContent()).toContain('Chatham House Rule');
    await page.getByRole('group', { name: 'The statement to vote on' }).waitFor();
    await checkPage(page, 'vote');
    const first = await page.locator('.statement--large .statement__text').textContent();
    await page.getByRole('button', { name: 'Agree', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
    await expect
      .poll(() => page.locator('.statement--large .statement__text').textContent())
      .not.toBe(first);
    await checkPage(page, 'vote-saved');
  });

  it('shows markup in a statement as text and runs none of it', async () => {
    const { page } = phone;
    // Pass until the hostile statement is on screen (routing decides the order), or none is left.
    const current = page.locator('.statement--large .statement__text');
    for (let i = 0; i < 3; i++) {
      if ((await current.count()) === 0 || (await current.textContent())!.includes('<script>'))
        break;
      await page
        .getByRole('group', { name: 'The statement to vote on' })
        .getByRole('button', { name: 'Pass / unsure' })
        .click();
      await page.waitForTimeout(300);
    }
    const shown = page
      .locator('.vote-page .statement__text', { hasText: 'Exchange hotline numbers' })
      .first();
    if (!(await shown.isVisible())) await page.getByText(/Your votes? \(/).click();
    expect(await shown.textContent()).toBe(XSS);
    expect(await page.locator('.vote-page img').count()).toBe(0);
    expect(await page.locator('.vote-page script').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
  });

  it('queues a vote while offline, says so, and sends it once when back online', async () => {
    const { page, context } = phone;
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(500);
    // Vote on whatever is left so every statement is in "Your votes".
    for (let i = 0; i < 5 && (await page.locator('.statement--large').count()) > 0; i++) {
      await page
        .getByRole('group', { name: 'The statement to vote on' })
        .getByRole('button', { name: 'Pass / unsure' })
        .click();
      await page.waitForTimeout(300);
    }
    await page.getByText(/Your votes? \(/).click();
    const change = page.getByRole('group', { name: /Your vote on: Ease visas/ });
    const before = await serverCounts(statements.visas);
    await context.setOffline(true);
    await change.getByRole('button', { name: 'Disagree' }).click();
    await expect
      .poll(() =>
        page.getByRole('status').filter({ hasText: 'waiting for the connection' }).count(),
      )
      .toBe(1);
    const queued = await page.evaluate(
      (key) => window.localStorage.getItem(key),
      // Queued under the voter's own account: the next person on the phone has their own queue.
      `parley.votes.${room.participants[0].userId}.${room.sessionId}`,
    );
    expect(JSON.parse(queued!)).toHaveLength(1);
    await screenshots(page, 'vote-offline');
    await context.setOffline(false);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    const after = await serverCounts(statements.visas);
    // The vote changed (was agree/pass), and the voter still counts once.
    expect(after.disagree).toBe(before.disagree + 1);
    expect(after.agree + after.disagree + after.pass).toBe(
      before.agree + before.disagree + before.pass,
    );
  });

  it('submits a statement, which waits for the moderators', async () => {
    const { page } = phone;
    await page.getByText('Put forward a statement').click();
    await page.getByLabel('Your statement').fill('Resume the composite dialogue on trade.');
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect
      .poll(() =>
        page.getByRole('status').filter({ hasText: 'waiting for the moderators' }).count(),
      )
      .toBe(1);
  });

  it('lets the moderator reorder the approved statements with the keyboard, and the order persists', async () => {
    const { page } = moderator;
    await page.goto(`${app.baseUrl}/app/sessions/${room.sessionId}/moderate`);
    const approvedTexts = () =>
      page
        .getByRole('region', { name: /Approved/ })
        .locator('.statement__text')
        .allTextContents();
    await expect
      .poll(approvedTexts)
      .toEqual([
        XSS,
        'Ease visas for academics and journalists on both sides.',
        'Create a joint technical group on water data sharing.',
      ]);
    await page.getByRole('button', { name: 'Move up: statement 2' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Order saved' }).count())
      .toBe(1);
    const reordered = [
      'Ease visas for academics and journalists on both sides.',
      XSS,
      'Create a joint technical group on water data sharing.',
    ];
    await expect.poll(approvedTexts).toEqual(reordered);
    await page.reload();
    await expect.poll(approvedTexts).toEqual(reordered);
    expect(await page.getByRole('button', { name: 'Move up: statement 1' }).isDisabled()).toBe(
      true,
    );
    await checkPage(page, 'moderate-reordered');
  });

  it('lets the moderator approve, merge a duplicate, reject with a reason, and close the session', async () => {
    const { page } = moderator;
    for (const text of ['A duplicate about trade talks.', 'Off-topic remark about the hotel.']) {
      await phone.page.getByLabel('Your statement').fill(text);
      await phone.page.getByRole('button', { name: 'Submit' }).click();
      await expect.poll(() => phone.page.getByLabel('Your statement').inputValue()).toBe('');
    }
    await page.goto(`${app.baseUrl}/app/sessions/${room.sessionId}/moderate`);
    await page.getByRole('heading', { name: /Waiting for moderation \(3\)/ }).waitFor();
    await checkPage(page, 'moderate');
    await page
      .getByRole('button', { name: 'Approve: Resume the composite dialogue on trade.' })
      .click();
    await page.getByRole('heading', { name: /Waiting for moderation \(2\)/ }).waitFor();
    await page
      .getByRole('button', { name: 'Merge as a duplicate: A duplicate about trade talks.' })
      .click();
    await page
      .getByLabel('Duplicate of')
      .selectOption({ label: 'Resume the composite dialogue on trade.' });
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByRole('heading', { name: /Waiting for moderation \(1\)/ }).waitFor();
    const merged = (
      await room.organiser.request(
        'GET',
        `/api/v1/sessions/${room.sessionId}/statements?status=merged`,
      )
    ).json().items;
    expect(merged.map((m: { text: string }) => m.text)).toEqual(['A duplicate about trade talks.']);
    await page.getByRole('button', { name: 'Reject: Off-topic remark about the hotel.' }).click();
    await page.getByLabel('Reason (shown to the author)').fill('Repeats an approved statement.');
    await page.getByRole('button', { name: 'Reject with this reason' }).click();
    await page.getByRole('heading', { name: /Waiting for moderation \(0\)/ }).waitFor();
    // The approved statement comes up for voting on the phone.
    const current = phone.page.locator('.statement--large .statement__text');
    for (
      let i = 0;
      i < 5 && (await current.textContent()) !== 'Resume the composite dialogue on trade.';
      i++
    ) {
      await phone.page
        .getByRole('group', { name: 'The statement to vote on' })
        .getByRole('button', { name: 'Pass / unsure' })
        .click();
      await phone.page.waitForTimeout(300);
    }
    expect(await current.textContent()).toBe('Resume the composite dialogue on trade.');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Close the session' }).click();
    await expect.poll(() => page.locator('.session-controls').textContent()).toContain('Closed');
    await expect
      .poll(() => phone.page.locator('.vote-page').textContent(), { timeout: 10_000 })
      .toContain('This session is closed');
    await checkPage(phone.page, 'vote-closed');
  });

  it('ran without errors in either browser console', () => {
    // Going offline makes Chromium log the failed requests and the event stream's reconnects.
    const real = (page: Page) =>
      appErrors(page).filter(
        (e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|EventSource/.test(e),
      );
    expect(real(phone.page)).toEqual([]);
    expect(real(moderator.page)).toEqual([]);
  });
});
