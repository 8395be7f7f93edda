import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildUser, TEST_PASSWORD } from '../support/factories.ts';

for (const dialect of testDialects()) {
  describe(`[${dialect}] sign-in, sessions and CSRF`, () => {
    let t: TestApp;
    let clock: Date;
    let email: string;

    beforeAll(async () => {
      clock = new Date();
      t = await createTestApp(dialect, { now: () => clock, env: { SESSION_TTL_HOURS: '1' } });
      email = (await buildUser(t.deps.db.kysely, { is_admin: 1 })).email;
    });
    afterAll(() => t.close());

    const cookieOf = async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      return {
        session: res.cookies.find((c) => c.name === 'parley_session')!,
        csrf: res.json().csrfToken as string,
      };
    };

    it('refuses a cookie-authenticated write without the CSRF token (403), accepts it with', async () => {
      const { session, csrf } = await cookieOf();
      const body = { slug: 'csrf-test', title: 'CSRF', delegations: ['A', 'B'] };
      const without = await t.app.inject({
        method: 'POST',
        url: '/api/v1/series',
        cookies: { parley_session: session.value },
        payload: body,
      });
      expect(without.statusCode).toBe(403);
      expect(without.headers['content-type']).toContain('application/problem+json');
      expect(without.json().detail).toContain('CSRF');
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/series',
        cookies: { parley_session: session.value },
        headers: { 'x-csrf-token': 'guess' },
        payload: body,
      });
      expect(wrong.statusCode).toBe(403);
      const right = await t.app.inject({
        method: 'POST',
        url: '/api/v1/series',
        cookies: { parley_session: session.value },
        headers: { 'x-csrf-token': csrf },
        payload: body,
      });
      expect(right.statusCode).toBe(201);
    });
    it('refuses a login posted as a form, as another site could (login CSRF)', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ email, password: TEST_PASSWORD }).toString(),
      });
      expect(res.statusCode).toBe(415);
      expect(res.cookies).toEqual([]);
    });
    it('sets an HttpOnly, SameSite session cookie', async () => {
      const { session } = await cookieOf();
      expect(session.httpOnly).toBe(true);
      expect(session.sameSite).toBe('Lax');
      expect(session.path).toBe('/');
    });
    it('ends the session on logout', async () => {
      const { session, csrf } = await cookieOf();
      const out = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        cookies: { parley_session: session.value },
        headers: { 'x-csrf-token': csrf },
      });
      expect(out.statusCode).toBe(204);
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        cookies: { parley_session: session.value },
      });
      expect(me.json().user).toBeNull();
      const write = await t.app.inject({
        method: 'GET',
        url: '/api/v1/users',
        cookies: { parley_session: session.value },
      });
      expect(write.statusCode).toBe(401);
    });
    it('treats an expired session cookie as the public', async () => {
      const { session } = await cookieOf();
      const before = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        cookies: { parley_session: session.value },
      });
      expect(before.json().user.email).toBe(email);
      clock = new Date(clock.getTime() + 61 * 60_000);
      const after = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        cookies: { parley_session: session.value },
      });
      expect(after.json()).toEqual({
        user: null,
        csrfToken: null,
        seriesRoles: [],
        participations: [],
      });
      expect(
        (
          await t.app.inject({
            method: 'GET',
            url: '/api/v1/audit',
            cookies: { parley_session: session.value },
          })
        ).statusCode,
      ).toBe(401);
    });
    it('answers the 11th login attempt in a minute with 429 problem+json', async () => {
      const fresh = await createTestApp(dialect);
      try {
        const attempt = () =>
          fresh.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { email: 'nobody@example.org', password: 'wrong password' },
          });
        for (let i = 1; i <= 10; i++) expect((await attempt()).statusCode).toBe(401);
        const eleventh = await attempt();
        expect(eleventh.statusCode).toBe(429);
        expect(eleventh.headers['content-type']).toContain('application/problem+json');
        expect(eleventh.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
        expect(eleventh.json().detail).toMatch(/rate limit exceeded|retry in/i);
      } finally {
        await fresh.close();
      }
    });
    it('counts login attempts by the connecting address: a made-up X-Forwarded-For escapes nothing', async () => {
      const fresh = await createTestApp(dialect);
      try {
        const attempt = (i: number) =>
          fresh.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            headers: { 'x-forwarded-for': `203.0.113.${i}` },
            payload: { email: 'nobody@example.org', password: 'wrong' },
          });
        for (let i = 1; i <= 10; i++) expect((await attempt(i)).statusCode).toBe(401);
        expect((await attempt(11)).statusCode).toBe(429);
      } finally {
        await fresh.close();
      }
    });
    it('believes X-Forwarded-For from the proxy named in TRUST_PROXY', async () => {
      const fresh = await createTestApp(dialect, { env: { TRUST_PROXY: 'loopback' } });
      try {
        // light-my-request connects from 127.0.0.1: the proxy. Each forwarded client has its own limit.
        const attempt = (client: string) =>
          fresh.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            headers: { 'x-forwarded-for': client },
            payload: { email: 'nobody@example.org', password: 'wrong' },
          });
        for (let i = 1; i <= 10; i++) expect((await attempt('203.0.113.7')).statusCode).toBe(401);
        expect((await attempt('203.0.113.7')).statusCode).toBe(429);
        expect((await attempt('203.0.113.8')).statusCode).toBe(401);
      } finally {
        await fresh.close();
      }
    });
    it('still signs in with loginAs after other tests', async () => {
      const client = await loginAs(t, email, TEST_PASSWORD);
      expect((await client.request('GET', '/api/v1/me')).json().user.email).toBe(email);
    });
  });
}
