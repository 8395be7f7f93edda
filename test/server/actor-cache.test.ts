import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorCache, ACTOR_TTL_MS } from '../../src/server/auth/actor-cache.ts';
import { PUBLIC } from '../../src/server/auth/actor.ts';
import { createTestApp, signIn, type TestApp } from '../support/app.ts';
import { openDatabase } from '../../src/server/db/connect.ts';
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
      const member = await buildMember(t.deps.db.kysely, {
        series_id: series.id,
        user_id: client.userId!,
        role: 'organiser',
      });
      expect((await client.request('GET', '/api/v1/me')).json().seriesRoles).toEqual([
        { seriesId: series.id, role: 'organiser', delegationId: null },
      ]);
      await t.deps.db.kysely.deleteFrom('series_members').where('id', '=', member.id).execute();
      expect((await client.request('GET', '/api/v1/me')).json().seriesRoles).toEqual([]);
    });

    it('see a role granted by another process: from the next turn on SQLite, on its NOTIFY on PostgreSQL', async () => {
      expect(t.deps.db.grants.seesOtherProcesses).toBe(true);
      const client = await signIn(t);
      const series = await buildSeries(t.deps.db.kysely);
      expect((await client.request('GET', '/api/v1/me')).json().seriesRoles).toEqual([]);
      // Another connection to the same database, as another server process or the CLI would use.
      const elsewhere = openDatabase(t.database.url);
      try {
        await buildMember(elsewhere.kysely, {
          series_id: series.id,
          user_id: client.userId!,
          role: 'organiser',
        });
        // SQLite's data_version is read once per turn of the event loop (grants-watcher.ts).
        const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
        const roles = async () => (await client.request('GET', '/api/v1/me')).json().seriesRoles;
        await nextTurn();
        if (dialect === 'sqlite') expect(await roles()).toHaveLength(1);
        else await waitFor(async () => (await roles()).length === 1);
        await elsewhere.kysely
          .deleteFrom('series_members')
          .where('user_id', '=', client.userId!)
          .execute();
        await nextTurn();
        if (dialect === 'sqlite') expect(await roles()).toEqual([]);
        else await waitFor(async () => (await roles()).length === 0);
      } finally {
        await elsewhere.close();
      }
    });

    // PostgreSQL only: SQLite's data_version needs no connection that could be lost.
    if (dialect === 'postgres')
      it('fall back to a 1 s life while the LISTEN connection is lost, and recover', async () => {
        const client = await signIn(t);
        expect((await client.request('GET', '/api/v1/me')).json().user).not.toBeNull();
        const generation = t.deps.db.grants.generation;
        await sql`select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN parley_grants' and datname = current_database()`.execute(
          t.deps.db.kysely,
        );
        await waitFor(async () => !t.deps.db.grants.seesOtherProcesses);
        // Losing it dropped every cached actor: changes made meanwhile go unseen.
        expect(t.deps.db.grants.generation).toBeGreaterThan(generation);
        await waitFor(async () => t.deps.db.grants.seesOtherProcesses);
        expect((await client.request('GET', '/api/v1/me')).json().user).not.toBeNull();
      });

    it('end with a logout at once', async () => {
      const client = await signIn(t);
      expect((await client.request('GET', '/api/v1/me')).json().user).not.toBeNull();
      expect((await client.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
      expect((await client.request('GET', '/api/v1/me')).json().user).toBeNull();
    });
  });
}

/** Polls until the condition holds; fails after 5 s (a NOTIFY arrives within milliseconds). */
async function waitFor(condition: () => Promise<boolean>) {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the change made elsewhere was not seen within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
