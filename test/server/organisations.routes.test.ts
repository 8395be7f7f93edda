import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publicClient, type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  buildMember,
  buildOrganisation,
  buildSeries,
  buildUser,
  sessionClient,
} from '../support/factories.ts';

for (const dialect of testDialects()) {
  describe(`[${dialect}] organisations routes`, () => {
    let t: TestApp;
    let admin: Client;
    let organiser: Client;
    let focalPoint: Client;
    let sponsor: Client;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      const db = t.deps.db.kysely;
      const series = await buildSeries(db);
      admin = await sessionClient(t, (await buildUser(db, { is_admin: 1 })).id);
      const [o, f, s] = await Promise.all([buildUser(db), buildUser(db), buildUser(db)]);
      await buildMember(db, { series_id: series.id, user_id: o.id, role: 'organiser' });
      await buildMember(db, {
        series_id: series.id,
        user_id: f.id,
        role: 'focal_point',
        delegation_id: series.delegations[0].id,
      });
      await buildMember(db, { series_id: series.id, user_id: s.id, role: 'sponsor' });
      [organiser, focalPoint, sponsor] = await Promise.all([
        sessionClient(t, o.id),
        sessionClient(t, f.id),
        sessionClient(t, s.id),
      ]);
    });
    afterAll(() => t.close());

    describe('#organisations.create', () => {
      it('lets an admin add an organisation', async () => {
        const res = await admin.request('POST', '/api/v1/organisations', {
          name: 'Regional Peace Institute',
          shortName: 'RPI',
          country: 'Pakistan',
          website: 'https://rpi.example.org',
        });
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({
          name: 'Regional Peace Institute',
          shortName: 'RPI',
          website: 'https://rpi.example.org',
        });
      });
      it('lets an organiser of any series add one', async () => {
        const res = await organiser.request('POST', '/api/v1/organisations', {
          name: 'Wilson Center',
        });
        expect(res.statusCode).toBe(201);
        expect(res.json().shortName).toBe('');
      });
      it('should require authentication', async () => {
        const res = await publicClient(t).request('POST', '/api/v1/organisations', { name: 'X' });
        expect(res.statusCode).toBe(401);
      });
      it('refuses focal points and sponsors', async () => {
        expect(
          (await focalPoint.request('POST', '/api/v1/organisations', { name: 'X' })).statusCode,
        ).toBe(403);
        expect(
          (await sponsor.request('POST', '/api/v1/organisations', { name: 'X' })).statusCode,
        ).toBe(403);
      });
      it('names the field of a bad website: http and https only', async () => {
        for (const website of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd']) {
          const res = await admin.request('POST', '/api/v1/organisations', { name: 'X', website });
          expect(res.statusCode, website).toBe(400);
          expect(res.json().errors[0].field).toBe('body.website');
        }
      });
      it('refuses an empty name and unknown fields', async () => {
        expect(
          (await admin.request('POST', '/api/v1/organisations', { name: '  ' })).json().errors[0]
            .field,
        ).toBe('body.name');
        expect(
          (await admin.request('POST', '/api/v1/organisations', { name: 'X', secret: 1 }))
            .statusCode,
        ).toBe(400);
      });
    });

    describe('#organisations.list', () => {
      it('is public and paginated', async () => {
        const res = await publicClient(t).request('GET', '/api/v1/organisations?limit=1');
        expect(res.statusCode).toBe(200);
        expect(res.json().items).toHaveLength(1);
        expect(res.json().total).toBeGreaterThanOrEqual(2);
      });
      it('names a bad query value', async () => {
        const res = await publicClient(t).request('GET', '/api/v1/organisations?limit=abc');
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('query.limit');
      });
    });

    describe('#organisations.get', () => {
      it('is public', async () => {
        const org = await buildOrganisation(t.deps.db.kysely, { name: 'US Embassy, Pakistan' });
        const res = await publicClient(t).request('GET', `/api/v1/organisations/${org.id}`);
        expect(res.statusCode).toBe(200);
        expect(res.json().name).toBe('US Embassy, Pakistan');
      });
      it('answers 404 for an unknown id', async () => {
        expect(
          (await publicClient(t).request('GET', '/api/v1/organisations/nope')).statusCode,
        ).toBe(404);
      });
    });

    describe('#organisations.update', () => {
      it('changes only the fields sent', async () => {
        const org = await buildOrganisation(t.deps.db.kysely, {
          name: 'Old',
          short_name: 'OLD',
          country: 'Pakistan',
        });
        const res = await organiser.request('PATCH', `/api/v1/organisations/${org.id}`, {
          name: 'New',
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ name: 'New', shortName: 'OLD', country: 'Pakistan' });
      });
      it('refuses the public and sponsors', async () => {
        const org = await buildOrganisation(t.deps.db.kysely);
        expect(
          (await publicClient(t).request('PATCH', `/api/v1/organisations/${org.id}`, { name: 'X' }))
            .statusCode,
        ).toBe(401);
        expect(
          (await sponsor.request('PATCH', `/api/v1/organisations/${org.id}`, { name: 'X' }))
            .statusCode,
        ).toBe(403);
      });
      it('answers 404 for an unknown id', async () => {
        expect(
          (await admin.request('PATCH', '/api/v1/organisations/nope', { name: 'X' })).statusCode,
        ).toBe(404);
      });
    });
  });
}
