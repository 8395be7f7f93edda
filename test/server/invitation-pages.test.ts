import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../src/server/auth/session-cookie.ts';
import { openSession } from '../../src/server/services/accounts.service.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  buildInvitation,
  buildParticipation,
  buildPerson,
  buildRound,
  buildSeries,
  buildUser,
  sessionClient,
  TEST_PASSWORD,
} from '../support/factories.ts';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };
/** What Chromium sends with a form posted from a page served with Referrer-Policy: no-referrer. */
const CHROMIUM = { origin: 'null', 'sec-fetch-site': 'same-origin' };

for (const dialect of testDialects()) {
  describe(`[${dialect}] invitation pages`, () => {
    let t: TestApp;
    let clock: Date;
    let series: Awaited<ReturnType<typeof buildSeries>>;
    const db = () => t.deps.db.kysely;
    const post = (
      token: string,
      fields: Record<string, string>,
      headers: Record<string, string> = CHROMIUM,
      cookies: Record<string, string> = {},
    ) =>
      t.app.inject({
        method: 'POST',
        url: `/invitations/${token}`,
        payload: form(fields),
        headers: { ...FORM_TYPE, host: 'parley.test', ...headers },
        cookies,
      });
    /** Opens the form as a browser would: its cookie, and the form token the page carries. */
    const openForm = async (token: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/invitations/${token}` });
      const cookie = res.cookies.find((c) => c.name === 'parley_form')!;
      const formToken = /name="_form" value="([^"]+)"/.exec(res.body)![1];
      return { cookie, formToken, cookies: { parley_form: cookie.value } };
    };

    beforeAll(async () => {
      clock = new Date();
      t = await createTestApp(dialect, { now: () => clock });
      series = await buildSeries(db(), { title: 'Dialogue <b>bold</b>' });
    });
    afterAll(() => t.close());

    describe('GET /invitations/{token}', () => {
      it('shows an accessible form that escapes the series title', async () => {
        const round = await buildRound(db(), {
          series_id: series.id,
          number: 2,
          city: 'Islamabad',
        });
        const person = await buildPerson(db());
        const p = await buildParticipation(db(), {
          round_id: round.id,
          person_id: person.id,
          role: 'delegate',
        });
        const made = await buildInvitation(t, { participationId: p.id, email: 'page@example.org' });
        const res = await t.app.inject({ method: 'GET', url: `/invitations/${made.token}` });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toContain('text/html');
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.body).toContain('<html lang="en">');
        expect(res.body).toContain('Dialogue &lt;b&gt;bold&lt;/b&gt;');
        expect(res.body).not.toContain('<b>bold</b>');
        expect(res.body).toContain('Round 2, Islamabad');
        expect(res.body).toContain(`<form method="post" action="/invitations/${made.token}"`);
        expect(res.body).toMatch(
          /<label for="displayName">Your name<\/label>\s*<input\s+id="displayName"/,
        );
        expect(res.body).toMatch(
          /<label for="password">Choose a password<\/label>\s*<input\s+id="password"\s+name="password"\s+type="password"\s+autocomplete="new-password"/,
        );
        expect(res.body).not.toContain('_csrf');
        expect(res.body).toMatch(/<input type="hidden" name="_form" value="[A-Za-z0-9_-]{43}">/);
      });
      it('gives the browser its form token in an HttpOnly, SameSite=Lax cookie, kept across pages', async () => {
        const made = await buildInvitation(t, { seriesId: series.id, seriesRole: 'sponsor' });
        const first = await openForm(made.token);
        expect(first.formToken).toBe(first.cookie.value);
        expect(first.cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
        expect(first.cookie.secure).toBeFalsy();
        const again = await t.app.inject({
          method: 'GET',
          url: `/invitations/${made.token}`,
          cookies: first.cookies,
        });
        expect(again.cookies).toEqual([]);
        expect(again.body).toContain(`name="_form" value="${first.formToken}"`);
      });
      it('over HTTPS, names the cookie __Host- (Secure, no Domain) so no subdomain can plant one', async () => {
        const https = await createTestApp(dialect, {
          env: { PUBLIC_URL: 'https://parley.example.org' },
        });
        try {
          const own = await buildSeries(https.deps.db.kysely);
          const made = await buildInvitation(https, { seriesId: own.id, seriesRole: 'sponsor' });
          const page = await https.app.inject({ method: 'GET', url: `/invitations/${made.token}` });
          const cookie = page.cookies.find((c) => c.name === '__Host-parley_form')!;
          expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: '/' });
          expect(cookie.domain).toBeUndefined();
          const send = (cookies: Record<string, string>) =>
            https.app.inject({
              method: 'POST',
              url: `/invitations/${made.token}`,
              headers: { ...FORM_TYPE, origin: 'null' },
              cookies,
              payload: form({
                displayName: 'Secure',
                password: TEST_PASSWORD,
                _form: cookie.value,
              }),
            });
          expect((await send({ parley_form: cookie.value })).statusCode).toBe(403);
          expect((await send({ '__Host-parley_form': cookie.value })).statusCode).toBe(200);
        } finally {
          await https.close();
        }
      });
      it('asks for the existing password when the email has an account', async () => {
        await buildUser(db(), { email: 'has-account@example.org' });
        const made = await buildInvitation(t, {
          seriesId: series.id,
          seriesRole: 'sponsor',
          email: 'has-account@example.org',
        });
        const res = await t.app.inject({ method: 'GET', url: `/invitations/${made.token}` });
        expect(res.body).toContain('enter its password');
        expect(res.body).toContain('autocomplete="current-password"');
        expect(res.body).not.toContain('id="displayName"');
      });
      it('carries the CSRF token of a visitor who is already signed in', async () => {
        const user = await buildUser(db());
        const client = await sessionClient(t, user.id);
        const made = await buildInvitation(t, { seriesId: series.id, seriesRole: 'sponsor' });
        const res = await client.request('GET', `/invitations/${made.token}`);
        expect(res.body).toMatch(/<input type="hidden" name="_csrf" value="[A-Za-z0-9_-]+">/);
      });
      it('says clearly when a link is unknown, expired or used', async () => {
        const unknown = await t.app.inject({ method: 'GET', url: '/invitations/not-a-real-token' });
        expect(unknown.statusCode).toBe(404);
        expect(unknown.body).toContain('This invitation link is not valid');
        const made = await buildInvitation(t, {
          seriesId: series.id,
          seriesRole: 'sponsor',
          expiresInHours: 1,
        });
        clock = new Date(clock.getTime() + 2 * 3600_000);
        const expired = await t.app.inject({ method: 'GET', url: `/invitations/${made.token}` });
        expect(expired.statusCode).toBe(410);
        expect(expired.body).toContain(
          'This invitation has expired; ask the organisers for a new one.',
        );
        const used = await buildInvitation(t, { seriesId: series.id, seriesRole: 'sponsor' });
        expect(
          (await post(used.token, { displayName: 'Once', password: TEST_PASSWORD })).statusCode,
        ).toBe(200);
        const again = await t.app.inject({ method: 'GET', url: `/invitations/${used.token}` });
        expect(again.statusCode).toBe(410);
        expect(again.body).toContain('already been used');
      });
    });

    describe('POST /invitations/{token}', () => {
      it('accepts a plain form post and signs in', async () => {
        const made = await buildInvitation(t, {
          seriesId: series.id,
          seriesRole: 'sponsor',
          email: 'form@example.org',
        });
        const res = await post(
          made.token,
          { displayName: 'Form Filler', password: TEST_PASSWORD },
          { origin: 'http://parley.test' },
        );
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain('Welcome to Parley');
        const cookie = res.cookies.find((c) => c.name === 'parley_session')!;
        const me = await t.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          cookies: { parley_session: cookie.value },
        });
        expect(me.json().seriesRoles).toEqual([
          { seriesId: series.id, role: 'sponsor', delegationId: null },
        ]);
      });
      it('shows the form again with the error next to the field, keeping the name', async () => {
        const made = await buildInvitation(t, { seriesId: series.id, seriesRole: 'sponsor' });
        const res = await post(made.token, { displayName: 'Keep <Me>', password: 'short' });
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain('role="alert"');
        expect(res.body).toContain('aria-invalid="true"');
        expect(res.body).toContain('value="Keep &lt;Me&gt;"');
        expect(res.body).toContain('id="password-error"');
      });
      it('accepts the post Chromium sends from the page as served (Origin: null, same-origin)', async () => {
        const made = await buildInvitation(t, { seriesId: series.id, seriesRole: 'sponsor' });
        const res = await post(made.token, { displayName: 'As Sent', password: TEST_PASSWORD });
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain('Welcome to Parley');
        expect(res.cookies.map((c) => c.name)).toContain('parley_session');
      });
      it('accepts Origin: null without fetch metadata when the form carries this browser’s token', async () => {
        const made = await buildInvitation(t, { seriesId: series.id, seriesRole: 'sponsor' });
        const { formToken, cookies } = await openForm(made.token);
        const res = await post(
          made.token,
          { displayName: 'Older Engine', password: TEST_PASSWORD, _form: formToken },
          { origin: 'null' },
          cookies,
        );
        expect(res.statusCode).toBe(200);
        expect(res.cookies.map((c) => c.name)).toContain('parley_session');
      });
      it('refuses a cross-site post (login CSRF) and leaves the link usable', async () => {
        // The attacker opens the form of their own invitation, so they hold a valid token pair.
        const made = await buildInvitation(t, { seriesId: series.id, seriesRole: 'sponsor' });
        const theirs = await openForm(made.token);
        const victims = await openForm(made.token);
        const fields = { displayName: 'Victim', password: TEST_PASSWORD };
        const withToken = { ...fields, _form: theirs.formToken };
        const refused: Array<[string, Record<string, string>, Record<string, string>, object]> = [
          ['another Origin', fields, { origin: 'https://evil.example' }, {}],
          [
            'another Origin, token and all',
            withToken,
            { origin: 'https://evil.example' },
            theirs.cookies,
          ],
          [
            'Sec-Fetch-Site: cross-site',
            withToken,
            { 'sec-fetch-site': 'cross-site' },
            theirs.cookies,
          ],
          [
            'cross-site with Origin: null',
            fields,
            { origin: 'null', 'sec-fetch-site': 'cross-site' },
            {},
          ],
          [
            'a sibling subdomain (same-site)',
            withToken,
            { origin: 'null', 'sec-fetch-site': 'same-site' },
            theirs.cookies,
          ],
          ['Origin: null and no token', fields, { origin: 'null' }, victims.cookies],
          [
            'Origin: null, the attacker’s token, the victim’s cookie',
            withToken,
            { origin: 'null' },
            victims.cookies,
          ],
          ['Origin: null, a token but no cookie', withToken, { origin: 'null' }, {}],
          ['no Origin, no fetch metadata, no token', fields, {}, {}],
        ];
        for (const [what, body, headers, cookies] of refused) {
          const res = await post(made.token, body, headers, cookies as Record<string, string>);
          expect(res.statusCode, what).toBe(403);
          expect(res.body, what).toContain('This form must be sent from Parley itself.');
          expect(
            res.cookies.map((c) => c.name),
            what,
          ).not.toContain('parley_session');
        }
        const status = await t.app.inject({
          method: 'GET',
          url: `/api/v1/invitations/status?token=${made.token}`,
        });
        expect(status.json().state).toBe('valid');
      });
      it('lets a signed-in visitor accept with the _csrf field the form carries, and not without it', async () => {
        const user = await buildUser(db());
        const { secret } = await openSession(t.deps, user.id);
        const csrf = (await loadActor(t.deps, secret)).csrfToken!;
        const made = await buildInvitation(t, { seriesId: series.id, seriesRole: 'sponsor' });
        const cookies = { parley_session: secret };
        const without = await t.app.inject({
          method: 'POST',
          url: `/invitations/${made.token}`,
          cookies,
          headers: FORM_TYPE,
          payload: form({ displayName: 'Signed In', password: TEST_PASSWORD }),
        });
        expect(without.statusCode).toBe(403);
        const withField = await t.app.inject({
          method: 'POST',
          url: `/invitations/${made.token}`,
          cookies,
          headers: { ...FORM_TYPE, ...CHROMIUM },
          payload: form({ displayName: 'Signed In', password: TEST_PASSWORD, _csrf: csrf }),
        });
        expect(withField.statusCode).toBe(200);
      });
      it('answers an expired link with the expired page', async () => {
        const made = await buildInvitation(t, {
          seriesId: series.id,
          seriesRole: 'sponsor',
          expiresInHours: 1,
        });
        clock = new Date(clock.getTime() + 2 * 3600_000);
        const res = await post(made.token, { displayName: 'Late', password: TEST_PASSWORD });
        expect(res.statusCode).toBe(410);
        expect(res.body).toContain('ask the organisers for a new one');
      });
    });
  });
}
