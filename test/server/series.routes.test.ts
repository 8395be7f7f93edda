import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publicClient, signIn, type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

for (const dialect of testDialects()) {
  describe(`[${dialect}] series routes`, () => {
    let t: TestApp;
    let admin: Client;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      admin = await signIn(t, { isAdmin: true });
    });
    afterAll(() => t.close());

    describe('#series.create', () => {
      it('creates a series with its delegations', async () => {
        const res = await admin.request('POST', '/api/v1/series', {
          slug: 'us-pk',
          title: 'US-Pakistan Dialogue',
          trackLabel: 'Track-II/I.5',
          delegations: ['United States', 'Pakistan'],
        });
        expect(res.statusCode).toBe(201);
        expect(res.json().delegations.map((d: { name: string }) => d.name)).toEqual([
          'United States',
          'Pakistan',
        ]);
      });
      it('should require authentication', async () => {
        const res = await publicClient(t).request('POST', '/api/v1/series', {
          slug: 'x-y',
          title: 'X',
          delegations: ['A', 'B'],
        });
        expect(res.statusCode).toBe(401);
        expect(res.headers['content-type']).toContain('application/problem+json');
      });
      it('answers 409 for a duplicate slug', async () => {
        await admin.request('POST', '/api/v1/series', {
          slug: 'dup',
          title: 'A',
          delegations: ['A', 'B'],
        });
        const res = await admin.request('POST', '/api/v1/series', {
          slug: 'dup',
          title: 'B',
          delegations: ['A', 'B'],
        });
        expect(res.statusCode).toBe(409);
        expect(res.json().errors[0].field).toBe('body.slug');
      });
      it('names the offending field on a wrong type', async () => {
        const res = await admin.request('POST', '/api/v1/series', {
          slug: 'ok-slug',
          title: 42,
          delegations: ['A', 'B'],
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('body.title');
      });
      it('refuses a series with one delegation', async () => {
        const res = await admin.request('POST', '/api/v1/series', {
          slug: 'one-side',
          title: 'A',
          delegations: ['A'],
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('body.delegations');
      });
      it('rejects a write without the CSRF token', async () => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/series',
          payload: { slug: 'no-csrf', title: 'A' },
          cookies: {},
        });
        expect(res.statusCode).toBe(401);
      });
    });

    describe('#series.update', () => {
      it('changes only the fields sent', async () => {
        const created = (
          await admin.request('POST', '/api/v1/series', {
            slug: 'patch-me',
            title: 'Before',
            trackLabel: 'Track-II',
            description: 'Kept',
            delegations: ['A', 'B'],
          })
        ).json();
        const res = await admin.request('PATCH', `/api/v1/series/${created.id}`, {
          title: 'After',
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({
          title: 'After',
          trackLabel: 'Track-II',
          description: 'Kept',
        });
      });
      it('renames a delegation without touching its order', async () => {
        const created = (
          await admin.request('POST', '/api/v1/series', {
            slug: 'patch-delegation',
            title: 'D',
            delegations: ['A', 'B'],
          })
        ).json();
        const second = created.delegations[1];
        const res = await admin.request('PATCH', `/api/v1/delegations/${second.id}`, {
          name: 'Bee',
        });
        expect(res.json()).toMatchObject({ name: 'Bee', position: second.position });
      });
    });

    describe('#series.get', () => {
      it('answers 404 for an unknown id', async () => {
        const res = await publicClient(t).request('GET', '/api/v1/series/nope');
        expect(res.statusCode).toBe(404);
      });
      it('lists with pagination', async () => {
        const res = await publicClient(t).request('GET', '/api/v1/series?limit=1&offset=0');
        expect(res.statusCode).toBe(200);
        expect(res.json().items).toHaveLength(1);
        expect(res.json().total).toBeGreaterThanOrEqual(2);
      });
    });
  });
}
