import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publicClient, type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  buildInvitation,
  buildMember,
  buildParticipation,
  buildPerson,
  buildRound,
  buildSeries,
  buildUser,
  sessionClient,
  TEST_PASSWORD,
} from '../support/factories.ts';

const HOUR = 3600_000;

for (const dialect of testDialects()) {
  describe(`[${dialect}] invitations`, () => {
    let t: TestApp;
    let clock: Date;
    let organiser: Client;
    let focal: Client;
    let series: Awaited<ReturnType<typeof buildSeries>>;
    let round: Awaited<ReturnType<typeof buildRound>>;
    const db = () => t.deps.db.kysely;

    async function approvedParticipation(status: 'approved' | 'nominated' = 'approved') {
      const person = await buildPerson(db());
      return buildParticipation(db(), {
        round_id: round.id,
        person_id: person.id,
        delegation_id: series.delegations[1].id,
        role: 'delegate',
        status,
      });
    }
    const accept = (body: object) =>
      publicClient(t).request('POST', '/api/v1/invitations/accept', body);
    const participationStatus = async (id: string) =>
      (
        await db()
          .selectFrom('participations')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;

    beforeAll(async () => {
      clock = new Date();
      t = await createTestApp(dialect, {
        now: () => clock,
        env: { PUBLIC_URL: 'https://parley.example.org' },
      });
      series = await buildSeries(db(), { title: 'US-Pakistan <Dialogue>' });
      round = await buildRound(db(), { series_id: series.id, number: 2 });
      const organiserUser = await buildUser(db());
      await buildMember(db(), {
        series_id: series.id,
        user_id: organiserUser.id,
        role: 'organiser',
      });
      organiser = await sessionClient(t, organiserUser.id);
      const focalUser = await buildUser(db());
      await buildMember(db(), {
        series_id: series.id,
        user_id: focalUser.id,
        role: 'focal_point',
        delegation_id: series.delegations[0].id,
      });
      focal = await sessionClient(t, focalUser.id);
    });
    afterAll(() => t.close());

    describe('#invitations.create', () => {
      it('invites an approved participation, returns the link once and stores only its hash', async () => {
        const p = await approvedParticipation();
        const res = await organiser.request('POST', '/api/v1/invitations', {
          email: 'Guest@Example.org',
          participationId: p.id,
          expiresInHours: 48,
        });
        expect(res.statusCode).toBe(201);
        const body = res.json();
        expect(body.link).toMatch(
          /^https:\/\/parley\.example\.org\/invitations\/[A-Za-z0-9_-]{43}$/,
        );
        expect(body).toMatchObject({
          email: 'guest@example.org',
          participationId: p.id,
          seriesId: series.id,
          seriesRole: null,
          emailed: false,
          state: 'valid',
        });
        expect(Date.parse(body.expiresAt) - clock.getTime()).toBe(48 * HOUR);
        const token = body.link.split('/').pop();
        const row = await db()
          .selectFrom('invitations')
          .selectAll()
          .where('id', '=', body.id)
          .executeTakeFirstOrThrow();
        expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
        expect(JSON.stringify(row)).not.toContain(token);
        expect(await participationStatus(p.id)).toBe('invited');
      });
      it('refuses a participation that is not approved yet', async () => {
        const p = await approvedParticipation('nominated');
        const res = await organiser.request('POST', '/api/v1/invitations', {
          email: 'a@example.org',
          participationId: p.id,
        });
        expect(res.statusCode).toBe(409);
        expect(res.json().errors[0].field).toBe('body.participationId');
      });
      it('names the missing field when neither a participation nor a series is given', async () => {
        const res = await organiser.request('POST', '/api/v1/invitations', {
          email: 'a@example.org',
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('body.participationId');
      });
      it('requires a delegation for a focal point, and one of this series', async () => {
        const none = await organiser.request('POST', '/api/v1/invitations', {
          email: 'a@example.org',
          seriesId: series.id,
          seriesRole: 'focal_point',
        });
        expect(none.statusCode).toBe(400);
        expect(none.json().errors[0].field).toBe('body.delegationId');
        const other = await buildSeries(db());
        const foreign = await organiser.request('POST', '/api/v1/invitations', {
          email: 'a@example.org',
          seriesId: series.id,
          seriesRole: 'focal_point',
          delegationId: other.delegations[0].id,
        });
        expect(foreign.statusCode).toBe(400);
        expect(foreign.json().errors[0].field).toBe('body.delegationId');
      });
      it('answers 404 for an unknown participation and 400 for a bad email', async () => {
        expect(
          (
            await organiser.request('POST', '/api/v1/invitations', {
              email: 'a@example.org',
              participationId: 'nope',
            })
          ).statusCode,
        ).toBe(404);
        const bad = await organiser.request('POST', '/api/v1/invitations', {
          email: 'not-an-email',
          seriesId: series.id,
          seriesRole: 'sponsor',
        });
        expect(bad.statusCode).toBe(400);
        expect(bad.json().errors[0].field).toBe('body.email');
      });
      it('is for organisers only', async () => {
        expect(
          (
            await focal.request('POST', '/api/v1/invitations', {
              email: 'a@example.org',
              seriesId: series.id,
              seriesRole: 'sponsor',
            })
          ).statusCode,
        ).toBe(403);
        expect(
          (
            await publicClient(t).request('POST', '/api/v1/invitations', {
              email: 'a@example.org',
              seriesId: series.id,
              seriesRole: 'sponsor',
            })
          ).statusCode,
        ).toBe(401);
      });
    });

    describe('#invitations.list and #invitations.revoke', () => {
      it('lists the series invitations without any secret', async () => {
        const made = await buildInvitation(t, { seriesId: series.id, seriesRole: 'sponsor' });
        const res = await organiser.request(
          'GET',
          `/api/v1/series/${series.id}/invitations?limit=200`,
        );
        expect(res.statusCode).toBe(200);
        expect(res.json().items.map((i: { id: string }) => i.id)).toContain(made.id);
        expect(res.body).not.toContain(made.token);
        expect(res.body).not.toContain('link');
        expect(res.body).not.toContain('token');
      });
      it('revokes an unused invitation: its link is then unknown', async () => {
        const made = await buildInvitation(t, { seriesId: series.id, seriesRole: 'sponsor' });
        expect((await focal.request('DELETE', `/api/v1/invitations/${made.id}`)).statusCode).toBe(
          403,
        );
        expect(
          (await organiser.request('DELETE', `/api/v1/invitations/${made.id}`)).statusCode,
        ).toBe(204);
        const status = await publicClient(t).request(
          'GET',
          `/api/v1/invitations/status?token=${made.token}`,
        );
        expect(status.json().state).toBe('unknown');
        expect(
          (await organiser.request('DELETE', `/api/v1/invitations/${made.id}`)).statusCode,
        ).toBe(404);
      });
    });

    describe('#invitations.status', () => {
      it('tells what a valid link grants, without secrets', async () => {
        const p = await approvedParticipation();
        const made = await buildInvitation(t, {
          participationId: p.id,
          email: 'status@example.org',
        });
        const res = await publicClient(t).request(
          'GET',
          `/api/v1/invitations/status?token=${made.token}`,
        );
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({
          state: 'valid',
          email: 'status@example.org',
          accountExists: false,
          grant: {
            seriesId: series.id,
            seriesTitle: 'US-Pakistan <Dialogue>',
            kind: 'participation',
            role: 'delegate',
            delegationName: 'Delegation B',
            round: { number: 2, city: 'Islamabad' },
          },
        });
        expect(res.body).not.toContain(made.token);
      });
      it('says unknown, expired and used', async () => {
        expect(
          (await publicClient(t).request('GET', '/api/v1/invitations/status?token=made-up')).json()
            .state,
        ).toBe('unknown');
        const expiring = await buildInvitation(t, {
          seriesId: series.id,
          seriesRole: 'sponsor',
          expiresInHours: 1,
        });
        clock = new Date(clock.getTime() + 2 * HOUR);
        expect(
          (
            await publicClient(t).request(
              'GET',
              `/api/v1/invitations/status?token=${expiring.token}`,
            )
          ).json().state,
        ).toBe('expired');
        const used = await buildInvitation(t, { seriesId: series.id, seriesRole: 'sponsor' });
        expect(
          (await accept({ token: used.token, displayName: 'Used Once', password: TEST_PASSWORD }))
            .statusCode,
        ).toBe(200);
        expect(
          (
            await publicClient(t).request('GET', `/api/v1/invitations/status?token=${used.token}`)
          ).json().state,
        ).toBe('used');
      });
      it('names the field when the token is missing', async () => {
        const res = await publicClient(t).request('GET', '/api/v1/invitations/status');
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('query.token');
      });
    });

    describe('#invitations.accept', () => {
      it('creates the account, links the person, accepts the participation and signs in', async () => {
        const p = await approvedParticipation();
        const made = await buildInvitation(t, {
          participationId: p.id,
          email: 'newcomer@example.org',
        });
        const res = await accept({
          token: made.token,
          displayName: 'Dr. Newcomer',
          password: 'a long enough password',
        });
        expect(res.statusCode).toBe(200);
        expect(res.json().user).toMatchObject({
          email: 'newcomer@example.org',
          displayName: 'Dr. Newcomer',
          personId: p.person_id,
          isAdmin: false,
        });
        expect(res.json().participations).toEqual([
          { roundId: round.id, role: 'delegate', delegationId: series.delegations[1].id },
        ]);
        const cookie = res.cookies.find((c) => c.name === 'parley_session')!;
        expect(cookie.httpOnly).toBe(true);
        const me = await t.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          cookies: { parley_session: cookie.value },
        });
        expect(me.json().user.email).toBe('newcomer@example.org');
        expect(await participationStatus(p.id)).toBe('accepted');
        const again = await accept({
          token: made.token,
          displayName: 'Dr. Newcomer',
          password: 'a long enough password',
        });
        expect(again.statusCode).toBe(410);
        expect(again.headers['content-type']).toContain('application/problem+json');
      });
      it('attaches a series role to an existing account when its password is given', async () => {
        const existing = await buildUser(db(), { email: 'known@example.org' });
        const made = await buildInvitation(t, {
          seriesId: series.id,
          seriesRole: 'focal_point',
          delegationId: series.delegations[0].id,
          email: 'known@example.org',
        });
        expect(
          (
            await publicClient(t).request('GET', `/api/v1/invitations/status?token=${made.token}`)
          ).json().accountExists,
        ).toBe(true);
        const wrong = await accept({ token: made.token, password: 'not the password' });
        expect(wrong.statusCode).toBe(401);
        expect(wrong.json().errors[0].field).toBe('body.password');
        const res = await accept({ token: made.token, password: TEST_PASSWORD });
        expect(res.statusCode).toBe(200);
        expect(res.json().user.id).toBe(existing.id);
        expect(res.json().seriesRoles).toEqual([
          { seriesId: series.id, role: 'focal_point', delegationId: series.delegations[0].id },
        ]);
        const grants = await db()
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'permission.grant')
          .where('actor_user_id', '=', existing.id)
          .execute();
        expect(grants).toHaveLength(1);
      });
      it('refuses an accept posted as a form, as another site could (login CSRF), and keeps the link', async () => {
        const made = await buildInvitation(t, { seriesId: series.id, seriesRole: 'sponsor' });
        const fields = { token: made.token, displayName: 'Victim', password: TEST_PASSWORD };
        for (const [type, payload] of [
          ['application/x-www-form-urlencoded', new URLSearchParams(fields).toString()],
          ['text/plain', JSON.stringify(fields)],
        ]) {
          const res = await t.app.inject({
            method: 'POST',
            url: '/api/v1/invitations/accept',
            headers: { 'content-type': type, origin: 'https://evil.example' },
            payload,
          });
          expect(res.statusCode, type).toBe(415);
          expect(res.json().errors, type).toEqual([
            { field: 'header.content-type', message: 'must be application/json' },
          ]);
          expect(res.cookies, type).toEqual([]);
        }
        const status = await publicClient(t).request(
          'GET',
          `/api/v1/invitations/status?token=${made.token}`,
        );
        expect(status.json().state).toBe('valid');
        expect((await accept(fields)).statusCode).toBe(200);
      });
      it('names the field for a short password or a missing name', async () => {
        const made = await buildInvitation(t, { seriesId: series.id, seriesRole: 'sponsor' });
        const short = await accept({
          token: made.token,
          displayName: 'Someone',
          password: 'short',
        });
        expect(short.statusCode).toBe(400);
        expect(short.json().errors[0].field).toBe('body.password');
        const nameless = await accept({ token: made.token, password: 'a long enough password' });
        expect(nameless.statusCode).toBe(400);
        expect(nameless.json().errors[0].field).toBe('body.displayName');
        expect(
          (
            await publicClient(t).request('GET', `/api/v1/invitations/status?token=${made.token}`)
          ).json().state,
        ).toBe('valid');
      });
      it('answers 410 for an expired link and 404 for an unknown one', async () => {
        const made = await buildInvitation(t, {
          seriesId: series.id,
          seriesRole: 'sponsor',
          expiresInHours: 1,
        });
        clock = new Date(clock.getTime() + 2 * HOUR);
        const expired = await accept({
          token: made.token,
          displayName: 'Late',
          password: 'a long enough password',
        });
        expect(expired.statusCode).toBe(410);
        expect(expired.json().detail).toBe(
          'This invitation has expired; ask the organisers for a new one.',
        );
        expect(
          (await accept({ token: 'made-up', displayName: 'X', password: 'a long enough password' }))
            .statusCode,
        ).toBe(404);
      });
      it('lets exactly one of two concurrent accepts win', async () => {
        const p = await approvedParticipation();
        const made = await buildInvitation(t, { participationId: p.id });
        const answers = await Promise.all([
          accept({ token: made.token, displayName: 'First', password: 'a long enough password' }),
          accept({ token: made.token, displayName: 'Second', password: 'a long enough password' }),
        ]);
        expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 410]);
        const users = await db()
          .selectFrom('users')
          .select('id')
          .where('email', '=', made.email)
          .execute();
        expect(users).toHaveLength(1);
      });
      it('records creation and acceptance in the series audit log', async () => {
        const made = await buildInvitation(t, { seriesId: series.id, seriesRole: 'sponsor' });
        await accept({
          token: made.token,
          displayName: 'Audited',
          password: 'a long enough password',
        });
        const res = await organiser.request('GET', `/api/v1/series/${series.id}/audit?limit=200`);
        const actions = res
          .json()
          .items.filter((e: { resourceId: string }) => e.resourceId === made.id)
          .map((e: { action: string }) => e.action);
        expect(actions.sort()).toEqual(['invitation.accept', 'invitation.create']);
      });
    });
  });
}
