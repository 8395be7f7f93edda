import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorCache, ACTOR_TTL_MS } from '../../src/server/auth/actor-cache.ts';
import { PUBLIC } from '../../src/server/auth/actor.ts';
import { createTestApp, signIn, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildMember, buildSeries } from '../support/factories.ts';

describe('ActorCache', () => {
  it('forgets everything when the grants generation moves, and entries after the TTL or the session expiry', () => {
    const cache = new ActorCache();
    expect(cache.get('s', 0, 0)).toBeUndefined();
    cache.set('s', PUBLIC, 0, 0, 10_000);
    expect(cache.get('s', 0, ACTOR_TTL_MS - 1)).toBe(PUBLIC);
    expect(cache.get('s', 0, ACTOR_TTL_MS)).toBeUndefined();
    cache.set('s', PUBLIC, 0, 0, 10);
    expect(cache.get('s', 0, 10)).toBeUndefined();
    cache.set('s', PUBLIC, 0, 0, 10_000);
    expect(cache.get('s', 1, 1)).toBeUndefined();
    expect(cache.get('s', 1, 2)).toBeUndefined();
  });
});

for (const dialect of testDialects()) {
  describe(`[${dialect}] cached actors`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
    });
    afterAll(() => t.close());

    it('see a new series role, and its removal, on the very next request', async () => {
      const client = await signIn(t);
      const series = await buildSeries(t.deps.db.kysely);
      expect((await client.request('GET', '/api/v1/me')).json().seriesRoles).toEqual([]);
      const member = await buildMember(t.deps.db.kysely, { series_id: series.id, user_id: client.userId!, role: 'organiser' });
      expect((await client.request('GET', '/api/v1/me')).json().seriesRoles).toEqual([{ seriesId: series.id, role: 'organiser', delegationId: null }]);
      await t.deps.db.kysely.deleteFrom('series_members').where('id', '=', member.id).execute();
      expect((await client.request('GET', '/api/v1/me')).json().seriesRoles).toEqual([]);
    });

    it('end with a logout at once', async () => {
      const client = await signIn(t);
      expect((await client.request('GET', '/api/v1/me')).json().user).not.toBeNull();
      expect((await client.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
      expect((await client.request('GET', '/api/v1/me')).json().user).toBeNull();
    });
  });
}
