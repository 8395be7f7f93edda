import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/server/db/errors.ts';
import { PgChannelListener } from '../../src/server/db/pg-channel.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';
import { waitUntil } from './voting.ts';

/**
 * Every pg client has its 'error' handled: a connection PostgreSQL ends under a query fails
 * that query and nothing else (an unhandled 'error' event would end the process, here the test
 * worker), and a LISTEN connection whose catch-up fails is ended before the next one is opened.
 */
if (testDialects().includes('postgres'))
  describe('[postgres] pg clients whose connection is cut', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase('postgres');
    });
    afterAll(() => database?.drop());

    const backends = async (query: string) =>
      (
        await sql<{ pid: number }>`select pid from pg_stat_activity
          where datname = current_database() and query like ${query}`.execute(database.db.kysely)
      ).rows.map((r) => r.pid);
    const terminate = (pids: number[]) =>
      sql`select pg_terminate_backend(pid) from unnest(${pids}::int[]) as pid`.execute(
        database.db.kysely,
      );

    it('fails the query of a pool connection terminated under it, and the pool goes on', async () => {
      const running = sql`select pg_sleep(30) as slept`.execute(database.db.kysely).then(
        () => null,
        (error: unknown) => error,
      );
      let pids: number[] = [];
      await waitUntil(
        'the query is running',
        async () => (pids = await backends('select pg_sleep%')).length === 1,
        10_000,
      );
      await terminate(pids);
      const error = await running;
      expect(isDatabaseUnavailable(error)).toBe(true);
      // Let the dead connection's 'end' and 'error' events run, then use the pool again.
      await new Promise((r) => setImmediate(r));
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db.kysely);
      expect(rows).toEqual([{ one: 1 }]);
    });

    it('ends a LISTEN connection whose catch-up failed before opening the next one', async () => {
      const channel = 'parley_fault_probe';
      const heard: string[] = [];
      let catchUps = 0;
      const listener = new PgChannelListener(database.url, channel, {
        onNotification: (payload) => void heard.push(payload),
        onReconnected: async () => {
          if (++catchUps === 1) throw new Error('the first catch-up fails');
        },
        log: () => undefined,
      });
      await listener.start();
      try {
        const listening = () => backends(`LISTEN ${channel}`);
        expect(await listening()).toHaveLength(1);
        await terminate(await listening());
        await waitUntil('caught up on a new connection', () => catchUps === 2, 15_000);
        expect(listener.connected).toBe(true);
        expect(await listening()).toHaveLength(1);
        await sql`select pg_notify(${channel}, 'after')`.execute(database.db.kysely);
        await waitUntil('the notification arrives', () => heard.includes('after'), 10_000);
      } finally {
        await listener.stop();
      }
      expect(heard).toEqual(['after']);
    });
  });
