import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publicClient, type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildMember, buildSeries, buildUser, sessionClient } from '../support/factories.ts';

for (const dialect of testDialects()) {
  describe(`[${dialect}] series roles`, () => {
    let t: TestApp;
    let series: Awaited<ReturnType<typeof buildSeries>>;
    let organiser: Client;
    let organiserId: string;
    let sponsor: Client;
    const db = () => t.deps.db.kysely;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      series = await buildSeries(db());
      organiserId = (await buildUser(db())).id;
      await buildMember(db(), { series_id: series.id, user_id: organiserId, role: 'organiser' });
      organiser = await sessionClient(t, organiserId);
      const sponsorUser = await buildUser(db());
      await buildMember(db(), { series_id: series.id, user_id: sponsorUser.id, role: 'sponsor' });
      sponsor = await sessionClient(t, sponsorUser.id);
    });
    afterAll(() => t.close());

    it('grants a focal point role that the account then carries, audited as a permission change', async () => {
      const user = await buildUser(db(), { email: 'focal@example.org' });
      const res = await organiser.request('POST', `/api/v1/series/${series.id}/members`, {
        userId: user.id,
        role: 'focal_point',
        delegationId: series.delegations[0].id,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        seriesId: series.id,
        userId: user.id,
        role: 'focal_point',
        delegationId: series.delegations[0].id,
        email: 'focal@example.org',
      });
      const me = await (await sessionClient(t, user.id)).request('GET', '/api/v1/me');
      expect(me.json().seriesRoles).toEqual([
        { seriesId: series.id, role: 'focal_point', delegationId: series.delegations[0].id },
      ]);
      const audit = await organiser.request('GET', `/api/v1/series/${series.id}/audit`);
      expect(audit.json().items[0]).toMatchObject({
        action: 'permission.grant',
        actorUserId: organiserId,
        resourceType: 'series_member',
        resourceId: res.json().id,
        detail: { userId: user.id, role: 'focal_point' },
      });
    });
    it('lists the members of the series', async () => {
      const res = await organiser.request('GET', `/api/v1/series/${series.id}/members`);
      expect(res.statusCode).toBe(200);
      expect(
        res
          .json()
          .items.map((m: { role: string }) => m.role)
          .sort(),
      ).toEqual(['focal_point', 'organiser', 'sponsor']);
      expect(res.json().total).toBe(3);
    });
    it('refuses a duplicate grant, a focal point without a delegation and an unknown user', async () => {
      const user = await buildUser(db());
      expect(
        (
          await organiser.request('POST', `/api/v1/series/${series.id}/members`, {
            userId: user.id,
            role: 'sponsor',
          })
        ).statusCode,
      ).toBe(201);
      const twice = await organiser.request('POST', `/api/v1/series/${series.id}/members`, {
        userId: user.id,
        role: 'sponsor',
      });
      expect(twice.statusCode).toBe(409);
      const noDelegation = await organiser.request('POST', `/api/v1/series/${series.id}/members`, {
        userId: user.id,
        role: 'focal_point',
      });
      expect(noDelegation.statusCode).toBe(400);
      expect(noDelegation.json().errors[0].field).toBe('body.delegationId');
      const other = await buildSeries(db());
      const foreign = await organiser.request('POST', `/api/v1/series/${series.id}/members`, {
        userId: user.id,
        role: 'focal_point',
        delegationId: other.delegations[0].id,
      });
      expect(foreign.statusCode).toBe(400);
      expect(
        (
          await organiser.request('POST', `/api/v1/series/${series.id}/members`, {
            userId: 'nobody',
            role: 'sponsor',
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await organiser.request('POST', '/api/v1/series/nope/members', {
            userId: user.id,
            role: 'sponsor',
          })
        ).statusCode,
      ).toBe(404);
    });
    it('removes a role, audited, and the account loses it', async () => {
      const user = await buildUser(db());
      const member = await buildMember(db(), {
        series_id: series.id,
        user_id: user.id,
        role: 'organiser',
      });
      expect(
        (await sponsor.request('DELETE', `/api/v1/series-members/${member.id}`)).statusCode,
      ).toBe(403);
      expect(
        (await organiser.request('DELETE', `/api/v1/series-members/${member.id}`)).statusCode,
      ).toBe(204);
      const me = await (await sessionClient(t, user.id)).request('GET', '/api/v1/me');
      expect(me.json().seriesRoles).toEqual([]);
      const entry = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'permission.revoke')
        .where('resource_id', '=', member.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(entry.detail)).toMatchObject({ userId: user.id, role: 'organiser' });
      expect(
        (await organiser.request('DELETE', `/api/v1/series-members/${member.id}`)).statusCode,
      ).toBe(404);
    });
    it('is for organisers: sponsors 403, the public 401', async () => {
      expect((await sponsor.request('GET', `/api/v1/series/${series.id}/members`)).statusCode).toBe(
        403,
      );
      expect(
        (await publicClient(t).request('GET', `/api/v1/series/${series.id}/members`)).statusCode,
      ).toBe(401);
      const other = await buildSeries(db());
      expect(
        (await organiser.request('GET', `/api/v1/series/${other.id}/members`)).statusCode,
      ).toBe(403);
    });
  });
}
