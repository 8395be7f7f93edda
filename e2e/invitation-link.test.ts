import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer, type Mailer } from '../src/server/mail/mailer.ts';
import {
  buildInvitation,
  buildParticipation,
  buildPerson,
  buildRound,
  buildSeries,
} from '../test/support/factories.ts';
import { startTestSmtp, unfoldMail, type TestSmtp } from '../test/support/smtp.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { acceptInvitationLink } from './support/invitations.ts';
import { makeUser, signInThroughForm } from './support/people.ts';
import { startApp, type RunningApp } from './support/server.ts';

/** A page on another site, served by the browser's request interception (no server needed). */
async function otherSitePage(page: Page, url: string, body: string) {
  await page.route(url, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html>${body}` }),
  );
  await page.goto(url);
}

// The links the organiser copies and the mail carries are opened as they are: Parley's pages
// are served with Referrer-Policy: no-referrer, so Chromium posts their form with Origin: null.
describe('invitation links, opened exactly as issued', () => {
  let app: RunningApp;
  let smtp: TestSmtp;
  let mailer: Mailer;
  let chrome: TestBrowser;
  let organiser: Page;
  let roundId = '';
  let seriesId = '';
  let copiedLink = '';
  beforeAll(async () => {
    smtp = await startTestSmtp();
    mailer = smtpMailer(smtp.url, 'Parley <parley@example.org>');
    app = await startApp({ mailer });
    chrome = await launchBrowser();
    const db = app.deps.db.kysely;
    const series = await buildSeries(db, { title: 'Link Dialogue' }, ['Alpha', 'Beta']);
    const round = await buildRound(db, { series_id: series.id, city: 'Doha' });
    roundId = round.id;
    seriesId = series.id;
    for (const [i, full_name] of ['Amal Haddad', 'Bilal Khan'].entries()) {
      const person = await buildPerson(db, { full_name });
      await buildParticipation(db, {
        round_id: round.id,
        person_id: person.id,
        delegation_id: series.delegations[i].id,
      });
    }
    await makeUser(app, 'organiser@example.org', { isAdmin: true });
    const opened = await chrome.newPage(1280);
    await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: app.baseUrl,
    });
    organiser = opened.page;
    await signInThroughForm(organiser, app.baseUrl, 'organiser@example.org');
  });
  afterAll(async () => {
    await chrome?.close();
    await app?.close();
    mailer?.close();
    await smtp?.close();
  });

  /** Invites the person from the round's setup screen; returns the link the screen shows. */
  async function invite(name: string, email: string): Promise<string> {
    await organiser.goto(`${app.baseUrl}/app/rounds/${roundId}/setup`);
    await organiser.getByRole('button', { name: `Invite: ${name}` }).click();
    await organiser.getByLabel('Email to invite').fill(email);
    await organiser.getByRole('button', { name: 'Create invitation' }).click();
    const field = organiser.getByLabel(/Invitation link/);
    await field.waitFor();
    return field.inputValue();
  }

  it('accepts the link the organiser copies from the setup screen', async () => {
    const shown = await invite('Amal Haddad', 'amal@example.org');
    await organiser.getByRole('button', { name: 'Copy link' }).click();
    await organiser.getByRole('button', { name: 'Copied' }).waitFor();
    copiedLink = await organiser.evaluate(() => navigator.clipboard.readText());
    expect(copiedLink).toBe(shown);
    expect(copiedLink).toMatch(new RegExp(`^${app.baseUrl}/invitations/[A-Za-z0-9_-]{20,}$`));

    const { page } = await chrome.newPage(360);
    const sent = await acceptInvitationLink(page, copiedLink, {
      name: 'Amal Haddad',
      password: 'a long enough password',
    });
    expect(sent.origin).toBe('null');
    expect(sent['sec-fetch-site']).toBe('same-origin');
    await page.getByRole('link', { name: 'Agenda' }).waitFor();
  });

  it('accepts the link the mail carries, clicked in a webmail on another site', async () => {
    const shown = await invite('Bilal Khan', 'bilal@example.org');
    await expect
      .poll(() => smtp.received.filter((m) => m.to.includes('bilal@example.org')).length)
      .toBe(1);
    const mail = unfoldMail(smtp.received.find((m) => m.to.includes('bilal@example.org'))!.raw);
    const mailedLink = mail.match(/^https?:\/\/\S+\/invitations\/\S+$/m)![0];
    expect(mailedLink).toBe(shown);

    const { page } = await chrome.newPage(1280);
    await acceptInvitationLink(
      page,
      mailedLink,
      { name: 'Bilal Khan', password: 'another long password' },
      async () => {
        await otherSitePage(page, 'http://webmail.test/inbox', `<a href="${mailedLink}">Open</a>`);
        await page.getByRole('link', { name: 'Open' }).click();
        await page.getByRole('button', { name: 'Accept the invitation' }).waitFor();
      },
    );
    await page.getByRole('link', { name: 'Agenda' }).waitFor();
  });

  it('refuses a form another site makes the browser post (login CSRF); the link stays usable', async () => {
    // The attacker holds an invitation of their own and wants the victim signed in to it.
    const theirs = await buildInvitation(app, { seriesId, seriesRole: 'sponsor' });
    const fields = `<input type="hidden" name="displayName" value="Attacker">
      <input type="hidden" name="password" value="the attacker's password">`;
    const noReferrer = '<meta name="referrer" content="no-referrer">';
    const api = `${app.baseUrl}/api/v1/invitations/accept`;
    const apiFields = `${fields}<input type="hidden" name="token" value="${theirs.token}">`;
    for (const { name, head, action, inputs, status } of [
      { name: 'with its own Origin', head: '', action: theirs.link, inputs: fields, status: 403 },
      { name: 'Origin: null', head: noReferrer, action: theirs.link, inputs: fields, status: 403 },
      { name: 'to the API', head: '', action: api, inputs: apiFields, status: 415 },
      {
        name: 'to the API, Origin: null',
        head: noReferrer,
        action: api,
        inputs: apiFields,
        status: 415,
      },
    ]) {
      const { context, page } = await chrome.newPage(1280);
      await otherSitePage(
        page,
        'http://attacker.test/prize',
        `${head}<form method="post" action="${action}">${inputs}<button>Claim</button></form>`,
      );
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url() === action),
        page.getByRole('button', { name: 'Claim' }).click(),
      ]);
      expect(response.status(), name).toBe(status);
      expect(
        (await context.cookies()).map((c) => c.name),
        name,
      ).not.toContain('parley_session');
      await page.goto(`${app.baseUrl}/app/`);
      await page.locator('.site-header__account').getByRole('link', { name: 'Sign in' }).waitFor();
    }
    const status = await app.app.inject({
      method: 'GET',
      url: `/api/v1/invitations/status?token=${theirs.token}`,
    });
    expect(status.json().state).toBe('valid');
  });
});
