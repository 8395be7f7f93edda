import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/server/repositories/audit.repository.ts';
import { createTestApp, publicClient, type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildMember, buildSeries, buildUser, sessionClient } from '../support/factories.ts';

for (const dialect of testDialects()) {
  describe(`[${dialect}] audit log`, () => {
    let t: TestApp;
    let admin: Client;
    let organiser: Client;
    let seriesA: string;
    let seriesB: string;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const db = t.deps.db.kysely;
      seriesA = (await buildSeries(db)).id;
      seriesB = (await buildSeries(db)).id;
      admin = await sessionClient(t, (await buildUser(db, { is_admin: 1 })).id);
      const organiserUser = await buildUser(db);
      await buildMember(db, { series_id: seriesA, user_id: organiserUser.id, role: 'organiser' });
      organiser = await sessionClient(t, organiserUser.id);
      const base = Date.parse('2026-01-01T00:00:00Z');
      for (let i = 0; i < 5; i++) {
        await audit.record(db, new Date(base + i * 1000), {
          actorUserId: null,
          action: `test.a${i}`,
          resourceType: 'thing',
          resourceId: `a${i}`,
          seriesId: seriesA,
          detail: { n: i },
        });
      }
      await audit.record(db, new Date(base + 10_000), {
        actorUserId: null,
        action: 'test.b',
        resourceType: 'thing',
        resourceId: 'b',
        seriesId: seriesB,
      });
    });
    afterAll(() => t.close());

    it('pages through the whole log for admins, newest first', async () => {
      const first = await admin.request('GET', '/api/v1/audit?limit=2');
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ total: 6, limit: 2, offset: 0 });
      expect(first.json().items.map((e: { action: string }) => e.action)).toEqual([
        'test.b',
        'test.a4',
      ]);
      const second = await admin.request('GET', '/api/v1/audit?limit=2&offset=2');
      expect(second.json().items.map((e: { action: string }) => e.action)).toEqual([
        'test.a3',
        'test.a2',
      ]);
      expect(second.json().items[0]).toEqual({
        id: expect.any(String),
        at: '2026-01-01T00:00:03.000Z',
        actorUserId: null,
        action: 'test.a3',
        resourceType: 'thing',
        resourceId: 'a3',
        seriesId: seriesA,
        detail: { n: 3 },
      });
    });
    it('shows organisers only their series', async () => {
      const res = await organiser.request('GET', `/api/v1/series/${seriesA}/audit`);
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(5);
      expect((await organiser.request('GET', `/api/v1/series/${seriesB}/audit`)).statusCode).toBe(
        403,
      );
      expect((await organiser.request('GET', '/api/v1/audit')).statusCode).toBe(403);
      expect((await publicClient(t).request('GET', '/api/v1/audit')).statusCode).toBe(401);
      expect((await admin.request('GET', '/api/v1/series/nope/audit')).statusCode).toBe(404);
    });
    it('names the field of a bad page size', async () => {
      const res = await admin.request('GET', '/api/v1/audit?limit=1000');
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('query.limit');
    });
  });
}
