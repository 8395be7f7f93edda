import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildOutcomesRoom,
  everyoneVotes,
  laterRound,
  seed,
  storeAnalysis,
  type OutcomesRoom,
} from '../test/server/outcomes.fixture.ts';
import {
  appErrors,
  launchBrowser,
  screenshots,
  seriousAxeViolations,
  type TestBrowser,
} from './support/browser.ts';
import { startApp, type RunningApp } from './support/server.ts';
import { useSessionCookie } from './support/session.ts';

const STATEMENT = 'Flood warnings should be shared across the border within the hour.';
const TITLE = 'A shared flood-warning channel';

async function checkPage(page: Page, name: string) {
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshots(page, name);
}

// Browser tests run on SQLite only: see e2e/support/server.ts.
describe('outcomes: the rapporteur’s workbench, conclusions, recommendations and the public report', () => {
  let app: RunningApp;
  let chrome: TestBrowser;
  let room: OutcomesRoom;
  let statementId = '';
  const pages: Page[] = [];
  const open = async (cookie: string, width = 1280) => {
    const { context, page } = await chrome.newPage(width);
    await useSessionCookie(context, app.baseUrl, cookie);
    pages.push(page);
    return page;
  };
  const workbench = (page: Page, part = 'items') =>
    page.goto(`${app.baseUrl}/app/rounds/${room.roundId}/outcomes?part=${part}`);
  const itemCard = (page: Page) => page.locator('article.outcome-item', { hasText: TITLE });

  beforeAll(async () => {
    app = await startApp();
    chrome = await launchBrowser();
    room = await buildOutcomesRoom(app, 'chatham_house_plus');
    statementId = await seed(room, room.sessionId, STATEMENT);
    await everyoneVotes(room, room.sessionId, statementId, 1, 0);
    expect(
      (await room.organiser.request('POST', `/api/v1/sessions/${room.sessionId}/close`)).statusCode,
    ).toBe(200);
    await storeAnalysis(app, room.sessionId);
  });
  afterAll(async () => {
    // Chromium logs every 4xx answer. These walks provoke three kinds on purpose: 400 for the
    // status change without evidence and the correction without a note, 404 for conclusions not
    // yet drafted (read as "none yet"), 409 for the concurrent edit and the quoting headline.
    // Anything else fails.
    const expected =
      /^Failed to load resource: the server responded with a status of (400|404|409)/;
    for (const page of pages)
      expect(
        appErrors(page).filter((e) => !expected.test(e)),
        page.url(),
      ).toEqual([]);
    await chrome?.close();
    await app?.close();
  });

  it('a rapporteur reaches the workbench from the agenda and creates an item with frozen evidence', async () => {
    const page = await open(room.rapporteurs[0].client.cookie);
    await page.goto(`${app.baseUrl}/app/rounds/${room.roundId}`);
    await page.getByRole('link', { name: 'Outcomes and reports' }).click();
    await page.getByRole('heading', { level: 2, name: 'Outcome items' }).waitFor();
    await page.getByText('Add an outcome item').click();
    const form = page.locator('details', { hasText: 'Add an outcome item' });
    await form.getByLabel('Title').fill(TITLE);
    await form
      .getByLabel('Text (Markdown)')
      .fill(
        'Both sides **support** a channel.\n\n- hourly\n- both languages\n\n<script>window.pwned = 1</script>',
      );
    await form.getByLabel(STATEMENT).check();
    await form.getByRole('button', { name: 'Create the item' }).click();
    const card = itemCard(page);
    await card.getByRole('heading', { level: 4, name: TITLE }).waitFor();
    expect(
      await page.getByRole('heading', { level: 3, name: 'Areas of convergence' }).count(),
    ).toBe(1);
    // Markdown is rendered; the script is shown as text and never runs.
    expect(await card.locator('.markdown strong').textContent()).toBe('support');
    expect(await card.locator('.markdown').textContent()).toContain('<script>');
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    ).toBeUndefined();
    // The evidence: frozen figures as a bar per delegation, and the Chatham House Plus badge.
    expect(await card.locator('.evidence__item').textContent()).toContain(
      'Not quotable (Chatham House Rule Plus)',
    );
    expect(await card.locator('.evidence__row').count()).toBe(2);
    expect(await card.locator('.evidence__row dd').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('100%'), expect.stringContaining('0%')]),
    );
    await checkPage(page, 'outcomes-items');
  });

  it('a second rapporteur editing the same item at the same time sees the conflict, both texts, and chooses', async () => {
    const first = pages[0];
    const second = await open(room.rapporteurs[1].client.cookie, 360);
    await workbench(second);
    for (const page of [first, second])
      await itemCard(page)
        .getByRole('button', { name: `Edit “${TITLE}”` })
        .click();
    await itemCard(first).getByLabel('Text (Markdown)').fill('First rapporteur’s wording.');
    await itemCard(first).getByRole('button', { name: 'Save' }).click();
    await itemCard(first).getByText('Version 2').first().waitFor();

    await itemCard(second).getByLabel('Text (Markdown)').fill('Second rapporteur’s wording.');
    await itemCard(second).getByRole('button', { name: 'Save' }).click();
    const conflict = itemCard(second).locator('.conflict');
    await conflict
      .getByRole('heading', { name: 'Someone else saved version 2 while you were editing' })
      .waitFor();
    expect(await conflict.locator('.conflict__text').allTextContents()).toEqual([
      'Second rapporteur’s wording.',
      'First rapporteur’s wording.',
    ]);
    await checkPage(second, 'outcomes-conflict');
    // Nothing was overwritten.
    const items = await room.organiser.request(
      'GET',
      `/api/v1/rounds/${room.roundId}/outcome-items`,
    );
    expect(items.json().items[0]).toMatchObject({
      version: 2,
      body: 'First rapporteur’s wording.',
    });

    // Take the saved text, merge a line into it by hand, save against version 2.
    await conflict.getByRole('button', { name: 'Use the saved text' }).click();
    const editor = itemCard(second).getByLabel('Text (Markdown)');
    expect(await editor.inputValue()).toBe('First rapporteur’s wording.');
    await editor.fill('First rapporteur’s wording. Second rapporteur’s addition.');
    await itemCard(second).getByRole('button', { name: 'Save' }).click();
    await itemCard(second).getByText('Version 3').first().waitFor();
    const revisions = await room.organiser.request(
      'GET',
      `/api/v1/outcome-items/${items.json().items[0].id}/revisions`,
    );
    expect(revisions.json().items.map((r: { body: string }) => r.body)).toContain(
      'First rapporteur’s wording.',
    );
    await itemCard(second).getByText('Revision history').click();
    expect(await itemCard(second).locator('.history li').count()).toBe(3);
  });

  it('a head of delegation endorses the conclusions for their delegation', async () => {
    const rapporteur = pages[0];
    await workbench(rapporteur, 'conclusions');
    await rapporteur
      .getByLabel('Conclusions (Markdown)')
      .fill('The delegations agree to keep the flood-warning channel open.');
    await rapporteur.getByRole('button', { name: 'Save' }).click();
    await rapporteur.getByRole('heading', { name: 'Endorsements of version 1' }).waitFor();

    const head = await open(room.heads[0].client.cookie, 360);
    await head.goto(`${app.baseUrl}/app/rounds/${room.roundId}`);
    await head.getByRole('link', { name: 'Outcomes and reports' }).click();
    await head.getByRole('link', { name: 'Agreed conclusions' }).click();
    await head.getByRole('button', { name: 'Endorse version 1 for my delegation' }).click();
    await expect.poll(() => head.locator('.endorsements .badge--approved').count()).toBe(1);
    expect(await head.getByRole('button', { name: /Endorse version/ }).count()).toBe(0);
    await checkPage(head, 'outcomes-conclusions');
  });

  it('the rapporteur opens the review; each participant comments privately and sees only their own', async () => {
    const rapporteur = pages[0];
    await workbench(rapporteur, 'rreport');
    await rapporteur
      .getByLabel('Report (Markdown)')
      .fill('The round discussed flood warnings and water data.');
    await rapporteur.getByRole('button', { name: 'Save' }).click();
    await rapporteur.getByText('Version 1').first().waitFor();
    await rapporteur.getByLabel('Review window closes').fill('2099-01-01T10:00');
    await rapporteur.getByRole('button', { name: 'Open the review' }).click();
    await rapporteur.locator('.tag', { hasText: 'In review' }).waitFor();

    const comment = async (page: Page, text: string) => {
      await page.getByLabel('Your comment on the report').fill(text);
      await page.getByRole('button', { name: 'Send the comment' }).click();
      await page.locator('.comments li', { hasText: text }).waitFor();
    };
    const head = pages[2];
    await workbench(head, 'rreport');
    await comment(head, 'Please soften paragraph two.');
    const delegate = await open(room.participants[0].client.cookie, 360);
    await delegate.goto(`${app.baseUrl}/app/rounds/${room.roundId}`);
    await delegate.getByRole('link', { name: 'Outcomes and reports' }).click();
    await delegate.getByRole('link', { name: 'Rapporteur’s report' }).click();
    expect(await delegate.locator('.markdown').textContent()).toContain(
      'flood warnings and water data',
    );
    await comment(delegate, 'Add the water data annex.');
    expect(await delegate.locator('.comments li').allTextContents()).toEqual([
      expect.stringContaining('Your comment'),
    ]);
    expect(await delegate.textContent('main')).not.toContain('soften');
    await checkPage(delegate, 'outcomes-review');

    await rapporteur.reload();
    // The reloaded workbench loads its page, the report, then its comments: give it time.
    await expect
      .poll(() => rapporteur.locator('.comments li').count(), { timeout: 10_000 })
      .toBe(2);
    expect(await rapporteur.textContent('.comments')).not.toContain('Your comment');
  });

  it('an organiser records a recommendation’s status: without evidence the form names the missing fields', async () => {
    const page = await open(room.organiser.cookie);
    await workbench(page, 'recs');
    await page.getByText('Add a recommendation').click();
    const form = page.locator('details', { hasText: 'Add a recommendation' });
    await form.getByLabel('Title').fill('Set up a joint working group on flood warnings');
    await form.getByLabel('Addressed to').fill('Both foreign ministries, Indus commissioners');
    await form.getByRole('button', { name: 'Create the recommendation' }).click();
    const card = page.locator('article.recommendation');
    await card
      .getByRole('heading', { name: 'R1.1 Set up a joint working group on flood warnings' })
      .waitFor();

    await card.getByText('Change the status of R1.1').click();
    await card.getByLabel('New status').selectOption('agreed');
    await card.getByRole('button', { name: 'Record the status' }).click();
    const date = card.getByLabel('Date of the change');
    await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true');
    expect(await card.getByLabel('Evidence', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await checkPage(page, 'outcomes-recommendation-error');
    await date.fill('2026-04-06');
    await card.getByLabel('Evidence', { exact: true }).fill('Agreed in the closing session.');
    await card.getByRole('button', { name: 'Record the status' }).click();
    await expect.poll(() => card.locator('.tag').first().textContent()).toBe('Agreed');
    expect(await card.locator('.timeline li').allTextContents()).toEqual([
      expect.stringContaining('Agreed in the closing session.'),
    ]);
  });

  it('an organiser composes, approves and publishes the report, corrects it, and moderates comments with replies', async () => {
    const page = pages.at(-1)!;
    await workbench(page, 'public');
    await page.getByRole('button', { name: 'Compose the report' }).click();
    await page.getByRole('button', { name: /Approve version \d+ for publication/ }).click();
    await page.getByRole('button', { name: 'Publish as public version 1' }).click();
    await page.getByText('public version 1').waitFor();

    const report = (
      await room.organiser.request('GET', `/api/v1/rounds/${room.roundId}/report`)
    ).json();
    const leave = (body: object) =>
      app.app.inject({
        method: 'POST',
        url: `/api/v1/reports/${report.id}/comments`,
        payload: body,
      });
    expect(
      (await leave({ name: 'Ayesha Reader', text: 'A weekly summary would help too.' })).statusCode,
    ).toBe(202);
    await page.reload();
    await page.getByRole('button', { name: 'Approve the comment from Ayesha Reader' }).click();
    await expect.poll(() => page.locator('.comment').count()).toBe(0);
    const [approved] = (
      await room.organiser.request('GET', `/api/v1/reports/${report.id}/comments?status=approved`)
    ).json().items;
    expect(
      (
        await leave({
          name: 'Bilal Reader',
          text: 'Agreed, in Urdu as well.',
          parentId: approved.id,
        })
      ).statusCode,
    ).toBe(202);
    await page.reload();
    await expect
      .poll(() => page.locator('.comment', { hasText: 'Bilal Reader' }).textContent())
      .toContain('In reply to Ayesha Reader');
    await page.getByRole('button', { name: 'Approve the comment from Bilal Reader' }).click();
    await expect.poll(() => page.locator('.comment').count()).toBe(0);
    await page.getByLabel('Show comments').selectOption('approved');
    await page.locator('.comment--reply', { hasText: 'Agreed, in Urdu as well.' }).waitFor();
    await checkPage(page, 'outcomes-public-report');

    // A headline quoting the Chatham House Rule Plus statement is refused, and the page says why
    // next to the field (not "someone else saved").
    await page.getByLabel('Headline').fill(`They said: ${STATEMENT}`);
    await page.getByRole('button', { name: 'Save the report' }).click();
    await expect
      .poll(() => page.locator('.field__error').allTextContents())
      .toEqual([expect.stringMatching(/^reproduces statement 1 of session “.+”: “Flood warnings/)]);
    expect(await page.getByRole('button', { name: 'Load the newer version' }).count()).toBe(0);

    // A correction: edited, approved, and published only with a note saying what changed.
    await page.getByLabel('Headline').fill('Corrected headline for the round');
    await page.getByRole('button', { name: 'Save the report' }).click();
    await page.getByRole('button', { name: /Approve version \d+ for publication/ }).click();
    await page.getByRole('button', { name: 'Publish as public version 2' }).click();
    const note = page.getByLabel('Correction note');
    await expect.poll(() => note.getAttribute('aria-invalid')).toBe('true');
    await note.fill('The headline named the wrong city.');
    await page.getByRole('button', { name: 'Publish as public version 2' }).click();
    await page.getByText('public version 2').waitFor();
  });

  it('shows the workbench in Urdu, right to left; carries the recommendation; charts continuity across rounds', async () => {
    const page = pages[0];
    await workbench(page, 'items');
    await page.getByRole('button', { name: 'اردو' }).click();
    await page.getByRole('heading', { level: 2, name: 'نتائج کے نکات' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await checkPage(page, 'outcomes-items-ur');
    await page.getByRole('button', { name: 'English' }).click();

    // Round 2 asks the statement again: agreement moved from 100%/0% to 100%/100%.
    const later = await laterRound(app, room, 2);
    const askedAgain = await seed(room, later.sessionId, `${STATEMENT} (asked again)`);
    await everyoneVotes(room, later.sessionId, askedAgain, 1, 1);
    await storeAnalysis(app, later.sessionId);
    const link = await room.organiser.request(
      'POST',
      `/api/v1/statements/${statementId}/asked-again-as`,
      { statementId: askedAgain },
    );
    expect(link.statusCode, link.body).toBe(201);

    const organiser = pages.at(-1)!;
    await workbench(organiser, 'recs');
    const card = organiser.locator('article.recommendation');
    await card.getByLabel('Carry into a later round').selectOption({ label: 'Round 2: Islamabad' });
    await card.getByRole('button', { name: 'Carry' }).click();
    await card.getByText('Carried into round(s) 2').waitFor();

    await organiser.goto(`${app.baseUrl}/app/series/${room.seriesId}/continuity`);
    await organiser.getByRole('heading', { level: 1, name: 'Continuity across rounds' }).waitFor();
    const summary = await organiser.locator('.continuity-chart').getAttribute('aria-label');
    expect(summary).toContain('Round 1: 1 new, 0 carried, 0 closed');
    expect(summary).toContain('Round 2: 0 new, 1 carried, 0 closed');
    const slope = await organiser.locator('.slope-chart').getAttribute('aria-label');
    expect(slope).toContain('Delegation A: Round 1 100% → Round 2 100%');
    expect(slope).toContain('Delegation B: Round 1 0% → Round 2 100%');
    expect(await organiser.locator('.slope-chart polyline').count()).toBe(2);
    await checkPage(organiser, 'continuity');
  });
});
