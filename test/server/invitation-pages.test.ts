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

for (const dialect of testDialects()) {
  describe(`[${dialect}] invitation pages`, () => {
    let t: TestApp;
    let clock: Date;
    let series: Awaited<ReturnType<typeof buildSeries>>;
    const db = () => t.deps.db.kysely;
    const post = (
      token: string,
      fields: Record<string, string>,
      headers: Record<string, string> = {},
    ) =>
      t.app.inject({
        method: 'POST',
        url: `/invitations/${token}`,
        payload: form(fields),
        headers: { ...FORM_TYPE, host: 'parley.test', ...headers },
      });

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
          /<label for="displayName">Your name<\/label>\s*<input id="displayName"/,
        );
        expect(res.body).toMatch(
          /<label for="password">Choose a password<\/label>\s*<input id="password" name="password" type="password" autocomplete="new-password"/,
        );
        expect(res.body).not.toContain('_csrf');
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
      it('refuses a cross-site post (login CSRF) and leaves the link usable', async () => {
        const made = await buildInvitation(t, { seriesId: series.id, seriesRole: 'sponsor' });
        const foreign = await post(
          made.token,
          { displayName: 'Victim', password: TEST_PASSWORD },
          { origin: 'https://evil.example' },
        );
        expect(foreign.statusCode).toBe(403);
        const fetchSite = await post(
          made.token,
          { displayName: 'Victim', password: TEST_PASSWORD },
          { 'sec-fetch-site': 'cross-site' },
        );
        expect(fetchSite.statusCode).toBe(403);
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
          headers: FORM_TYPE,
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
