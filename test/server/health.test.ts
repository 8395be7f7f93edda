import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

/**
 * Liveness says the process answers, whatever the database does; readiness says whether to send
 * it traffic: the database takes a write, its disk has room, the analysis worker and (on
 * PostgreSQL) the LISTEN connections are up.
 */
const ready = (t: TestApp) => t.app.inject({ method: 'GET', url: '/api/v1/ready' });

/** Holds the readiness row's table so no one else can write it, until the returned release. */
async function blockWrites(t: TestApp): Promise<() => Promise<void>> {
  if (t.deps.db.dialect === 'sqlite') {
    const holder = new SqliteDatabase(t.deps.db.location);
    holder.exec('BEGIN IMMEDIATE');
    return async () => {
      holder.exec('COMMIT');
      holder.close();
    };
  }
  const holder = new pg.Client({ connectionString: t.database.url });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE readiness_probe IN ACCESS EXCLUSIVE MODE');
  return async () => {
    await holder.query('COMMIT');
    await holder.end();
  };
}

for (const dialect of testDialects()) {
  describe(`[${dialect}] health and readiness`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(() => t?.close());

    it('is ready when the database takes a write, the disk has room and the worker answers', async () => {
      // Not before the analysis worker has started (the server starts it at once; tests lazily).
      let res = await ready(t);
      for (let tries = 0; res.statusCode !== 200 && tries < 10; tries++) res = await ready(t);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.json()).toEqual({
        status: 'ready',
        checks: {
          database: true,
          disk: dialect === 'sqlite' ? true : null,
          worker: true,
          listening: dialect === 'postgres' ? true : null,
        },
      });
      const row = await t.deps.db.kysely
        .selectFrom('readiness_probe')
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(new Date(row.checked_at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    });

    it('is not ready while the database takes no write, and stays alive', async () => {
      const release = await blockWrites(t);
      try {
        const res = await ready(t);
        expect(res.statusCode).toBe(503);
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
        expect(res.json()).toMatchObject({ status: 'not ready', checks: { database: false } });
        const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
        expect(health.statusCode).toBe(200);
        expect(health.json()).toMatchObject({ status: 'ok', database: { dialect } });
      } finally {
        await release();
      }
      expect((await ready(t)).statusCode).toBe(200);
    });

    if (dialect === 'sqlite')
      it('is not ready when the disk has less room than READY_MIN_FREE_MB', async () => {
        const full = await createTestApp(dialect, {
          env: { READY_MIN_FREE_MB: '1000000000' },
          live: false,
        });
        try {
          const res = await ready(full);
          expect(res.statusCode).toBe(503);
          expect(res.json().checks).toMatchObject({ database: true, disk: false });
        } finally {
          await full.close();
        }
      });

    it('is not ready once the analysis worker is gone', async () => {
      await t.deps.live!.close();
      const res = await ready(t);
      expect(res.statusCode).toBe(503);
      expect(res.json().checks).toMatchObject({ database: true, worker: false });
    });
  });
}
