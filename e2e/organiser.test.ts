import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appErrors,
  launchBrowser,
  screenshots,
  seriousAxeViolations,
  type TestBrowser,
} from './support/browser.ts';
import { acceptInvitationLink } from './support/invitations.ts';
import { makeUser, signInThroughForm } from './support/people.ts';
import { startApp, type RunningApp } from './support/server.ts';

/** Checks a page for serious accessibility problems and saves its screenshots. */
async function checkPage(page: Page, name: string) {
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshots(page, name);
}

// Browser tests run on SQLite only: see e2e/support/server.ts.
describe('organiser walk-through: series, round, agenda, participants, invitation', () => {
  let app: RunningApp;
  let chrome: TestBrowser;
  let page: Page;
  let inviteLink = '';
  let sana: Page;
  let john: Page;
  let sessionUrl = '';
  beforeAll(async () => {
    app = await startApp();
    chrome = await launchBrowser();
    await makeUser(app, 'organiser@example.org', {
      isAdmin: true,
      displayName: 'Olivia Organiser',
    });
    page = (await chrome.newPage(1280)).page;
    await signInThroughForm(page, app.baseUrl, 'organiser@example.org');
  });
  afterAll(async () => {
    await chrome?.close();
    await app?.close();
  });

  it('creates a series, showing the server’s field error next to the field', async () => {
    await page.getByRole('link', { name: 'Organise' }).click();
    await page.getByRole('link', { name: 'New series' }).click();
    await page.getByLabel('Title', { exact: true }).fill('US-Pakistan Strategic Dialogue');
    await page.getByLabel('Short name in addresses').fill('Not A Slug');
    await page.getByLabel('Track', { exact: true }).fill('Track-II/I.5');
    await page.getByLabel('Delegation 1').fill('United States');
    await page.getByLabel('Delegation 2').fill('Pakistan');
    // The smallest group shown is the series' k; the analysis step below relies on k = 3.
    await page.getByLabel('Smallest group shown (k)').fill('3');
    await page.getByRole('button', { name: 'Create the series' }).click();
    const slug = page.getByLabel('Short name in addresses');
    await expect.poll(() => slug.getAttribute('aria-invalid')).toBe('true');
    // The message is announced with the field: it is in the input's description.
    const describedBy = (await slug.getAttribute('aria-describedby'))!.split(' ');
    const message = await page.locator(`[id="${describedBy.at(-1)}"]`).textContent();
    expect(message).toContain('lowercase words joined by hyphens');
    await checkPage(page, 'series-new-error');
    await slug.fill('us-pk');
    await page.getByRole('button', { name: 'Create the series' }).click();
    await page.getByRole('heading', { level: 1, name: 'US-Pakistan Strategic Dialogue' }).waitFor();
    const delegations = page
      .getByRole('region', { name: 'Delegations' })
      .getByLabel('Name', { exact: true });
    expect(
      await delegations.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
    ).toEqual(['United States', 'Pakistan']);
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('no number about fewer than 3 voters');
  });

  it('adds a round and opens its set-up', async () => {
    await page.getByRole('button', { name: 'Add a round' }).click();
    await page.getByLabel('City').fill('Islamabad');
    await page.getByLabel('Country').fill('Pakistan');
    await page.getByLabel('First day').fill('2026-04-05');
    await page.getByLabel('Last day').fill('2026-04-06');
    await page.getByRole('button', { name: 'Create the round' }).click();
    await page.getByRole('heading', { name: /Round 1: Islamabad/ }).waitFor();
    await checkPage(page, 'series');
    await page.getByRole('link', { name: 'Set up this round' }).click();
    await page.getByRole('heading', { level: 1, name: /Set up round 1/ }).waitFor();
  });

  it('adds a session whose rule is explained while choosing it', async () => {
    await page
      .getByLabel('Title', { exact: true })
      .fill('Strategic stability and crisis communication');
    await page.getByLabel('Attribution rule').selectOption('chatham_house_plus');
    expect(await page.locator('.rule').first().textContent()).toContain('word for word');
    await page.getByRole('button', { name: 'Add the session' }).click();
    await page
      .getByRole('heading', { level: 3, name: 'Strategic stability and crisis communication' })
      .waitFor();
    await page.getByRole('button', { name: 'Mark as In session' }).click();
    await expect.poll(() => page.locator('.badge').first().textContent()).toBe('In session');
  });

  it('adds participants, moves one through its statuses, invites one and shows the link and the balance', async () => {
    const add = async (name: string, delegation: string, gender: string) => {
      if (!(await page.getByLabel('Full name').isVisible()))
        await page.getByText('Add or nominate a participant').click();
      await page.getByLabel('Full name').fill(name);
      await page.getByLabel('Delegation', { exact: true }).selectOption({ label: delegation });
      await page.getByLabel('Gender').selectOption(gender);
      await page.getByRole('button', { name: 'Add the participant' }).click();
      await page.getByRole('heading', { level: 3, name }).waitFor();
    };
    await add('Sana Mir', 'Pakistan', 'woman');
    await add('John Carter', 'United States', 'man');
    // Organisers' own additions start approved; walk John through withdraw → nominate again → approve.
    await page.getByRole('button', { name: 'Withdraw: John Carter' }).click();
    await page.getByRole('button', { name: 'Nominate again: John Carter' }).click();
    await page.getByRole('button', { name: 'Approve: John Carter' }).click();
    await page.getByRole('button', { name: 'Invite: John Carter' }).waitFor();
    await page.getByRole('button', { name: 'Invite: Sana Mir' }).click();
    await page.getByLabel('Email to invite').fill('sana@example.org');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const link = page.getByLabel(/Invitation link/);
    await link.waitFor();
    inviteLink = await link.inputValue();
    expect(inviteLink).toMatch(/\/invitations\/[A-Za-z0-9_-]{20,}$/);
    await expect
      .poll(() => page.locator('.participant', { hasText: 'Sana Mir' }).textContent())
      .toContain('Invited');
    // Balance: one per delegation, one woman and one man.
    const delegationBars = page.locator('figure', { hasText: 'By delegation' });
    expect(
      await delegationBars
        .locator('.bars__row', { hasText: 'Pakistan' })
        .locator('.bars__value')
        .textContent(),
    ).toBe('1');
    const genderBars = page.locator('figure', { hasText: 'By gender' });
    expect(
      await genderBars
        .locator('.bars__row', { hasText: 'Woman' })
        .locator('.bars__value')
        .textContent(),
    ).toBe('1');
    await checkPage(page, 'round-setup');
  });

  it('lets the invitee accept the link as issued, then read the agenda in Urdu with the rule explained', async () => {
    const { page: invitee } = await chrome.newPage(360);
    sana = invitee;
    await invitee.goto(inviteLink);
    expect(await invitee.textContent('main')).toContain('US-Pakistan Strategic Dialogue');
    await checkPage(invitee, 'invitation');
    await acceptInvitationLink(
      invitee,
      inviteLink,
      { name: 'Sana Mir', password: 'a long enough password' },
      async () => {},
    );
    await invitee.getByRole('button', { name: 'اردو' }).click();
    await invitee.getByRole('link', { name: 'ایجنڈا' }).click();
    await invitee.getByRole('heading', { level: 1, name: /دور ۱|دور 1/ }).waitFor();
    const rule = await invitee.locator('.rule').first().textContent();
    expect(rule).toContain('چیٹم ہاؤس رُول پلس');
    expect(rule).toContain('لفظ بہ لفظ');
    await checkPage(invitee, 'agenda-ur');
    // The server-rendered invitation page names no icon: Chromium's /favicon.ico probe is a 404.
    expect(appErrors(invitee).filter((e) => !e.includes('status of 404'))).toEqual([]);
  });

  it('invites the second delegation’s participant, who accepts in English', async () => {
    await page.getByRole('button', { name: 'Invite: John Carter' }).click();
    await page.getByLabel('Email to invite').fill('john@example.org');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const link = await page
      .locator('.participant', { hasText: 'John Carter' })
      .getByLabel(/Invitation link/)
      .inputValue();
    john = (await chrome.newPage(1280)).page;
    await acceptInvitationLink(john, link, {
      name: 'John Carter',
      password: 'another long password',
    });
    await john.getByRole('link', { name: 'Agenda' }).click();
    await john.getByRole('heading', { level: 1, name: /Round 1/ }).waitFor();
  });

  it('lets the organiser seed statements and open the session from the moderation screen', async () => {
    await page.getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('link', { name: 'Moderate' }).click();
    await page.getByRole('heading', { level: 1, name: /Moderate/ }).waitFor();
    sessionUrl = new URL(page.url()).pathname.replace(/^\/app/, '').replace(/\/moderate$/, '');
    for (const text of [
      'Keep a crisis hotline staffed around the clock.',
      'Publish all military exercises a month ahead.',
    ]) {
      if (!(await page.getByLabel('Your statement').isVisible()))
        await page.getByText('Add a statement').click();
      await page.getByLabel('Your statement').fill(text);
      await page.getByRole('button', { name: 'Submit' }).click();
      await expect
        .poll(() =>
          page
            .getByRole('region', { name: /Approved|Waiting/ })
            .allTextContents()
            .then((t) => t.join(' ')),
        )
        .toContain(text);
    }
    // Seeded by an organiser, they may already be approved; approve any that wait.
    for (const button of await page.getByRole('button', { name: /^Approve: / }).all())
      await button.click();
    await page.getByRole('button', { name: 'Open the session' }).click();
    await expect.poll(() => page.locator('.session-controls').textContent()).toContain('Open');
    await checkPage(page, 'moderate-open');
  });

  it('has both participants vote, one in Urdu on a phone, and one submit a statement', async () => {
    await sana.goto(`${app.baseUrl}/app${sessionUrl}/vote`);
    await sana.getByRole('group', { name: 'وہ بیان جس پر رائے دینی ہے' }).waitFor();
    for (let i = 0; i < 2; i++) {
      await sana
        .getByRole('group', { name: 'وہ بیان جس پر رائے دینی ہے' })
        .getByRole('button', { name: 'متفق', exact: true })
        .click();
      await expect
        .poll(() => sana.getByRole('status').filter({ hasText: 'محفوظ ہو گیا' }).count())
        .toBe(1);
    }
    await sana.getByText('بیان پیش کریں').click();
    await sana.getByLabel('آپ کا بیان').fill('دونوں ممالک کے صحافیوں کے لیے ویزا آسان کیا جائے۔');
    await sana.getByRole('button', { name: 'جمع کرائیں' }).click();
    await expect.poll(() => sana.getByRole('status').filter({ hasText: 'شکریہ' }).count()).toBe(1);
    await checkPage(sana, 'vote-ur');
    await john.goto(`${app.baseUrl}/app${sessionUrl}/vote`);
    for (let i = 0; i < 2; i++) {
      await john
        .getByRole('group', { name: 'The statement to vote on' })
        .getByRole('button', { name: 'Agree', exact: true })
        .click();
      await expect
        .poll(() => john.getByRole('status').filter({ hasText: 'Saved' }).count())
        .toBe(1);
    }
  });

  it('lets the moderator approve the submission; both vote on it; then the moderator closes', async () => {
    await page.reload();
    await page.getByRole('button', { name: /^Approve: دونوں ممالک/ }).click();
    await page.getByRole('heading', { name: /Waiting for moderation \(0\)/ }).waitFor();
    for (const [who, agree] of [
      [john, 'Agree'],
      [sana, 'متفق'],
    ] as const) {
      await who.reload();
      await who.locator('.statement--large', { hasText: 'دونوں ممالک' }).waitFor();
      await who.getByRole('button', { name: agree, exact: true }).first().click();
    }
    await expect
      .poll(() => sana.getByRole('status').filter({ hasText: 'محفوظ ہو گیا' }).count())
      .toBe(1);
    await expect.poll(() => john.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Close the session' }).click();
    await expect.poll(() => page.locator('.session-controls').textContent()).toContain('Closed');
  });

  it('shows the room view and the analysis, releasing no figure of fewer than k voters', async () => {
    await page.goto(`${app.baseUrl}/app${sessionUrl}/room`);
    await page.getByRole('heading', { name: 'Now in front of the room' }).waitFor();
    // Two voters are fewer than k = 3: no count of theirs is ever released, not even at the close.
    await expect
      .poll(() => page.locator('.room__current').textContent())
      .toContain('Counts appear once enough people have voted.');
    expect(await page.locator('.counts-bar').count()).toBe(0);
    await checkPage(page, 'room-closed');
    await page.goto(`${app.baseUrl}/app${sessionUrl}/analysis`);
    await page.getByRole('heading', { level: 1, name: /Analysis/ }).waitFor();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('6 newer votes wait until at least 3 people have voted or changed');
    expect(await page.locator('.agreement__fill').count()).toBe(0);
    await checkPage(page, 'analysis-two-voters');
  });

  it('ran without errors in the organiser’s browser console', () => {
    // The deliberately invalid slug answers 400, which Chromium logs as a failed resource.
    expect(appErrors(page).filter((e) => !e.includes('status of 400'))).toEqual([]);
  });
});
