import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildRoom, seedStatement, vote } from '../support/room.ts';

/**
 * GET /metrics: Prometheus text with the operators' figures, totals only (no label names a
 * session or a person), for the loopback address or a bearer token only.
 */
const TOKEN = 'a-metrics-token-long-enough';
const scrape = (
  t: TestApp,
  options: { remoteAddress?: string; headers?: Record<string, string> } = {},
) => t.app.inject({ method: 'GET', url: '/metrics', ...options });

for (const dialect of testDialects()) {
  describe(`[${dialect}] metrics`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(() => t?.close());

    it('counts votes, latencies, live streams, database errors, recomputations and the WAL', async () => {
      const room = await buildRoom(t);
      const statementId = await seedStatement(room, 'Metrics count, never name.');
      expect((await vote(room.participants[0], room.sessionId, statementId, 1)).statusCode).toBe(
        201,
      );
      expect(
        (await vote(room.participants[1], room.sessionId, 'no-such-statement', 1)).statusCode,
      ).toBe(404);
      const res = await scrape(t);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = res.body;
      expect(text).toMatch(/^parley_votes_total\{result="accepted"\} 1$/m);
      expect(text).toMatch(/^parley_votes_total\{result="refused"\} 1$/m);
      expect(text).toMatch(
        /^parley_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/sessions\/:id\/votes",status="2xx"\} 1$/m,
      );
      expect(text).toMatch(/^parley_live_streams 0$/m);
      expect(text).toMatch(/^parley_database_unavailable_total 0$/m);
      expect(text).toMatch(/^parley_recomputations_total\{result="ok"\} \d+$/m);
      expect(text).toMatch(/^process_open_fds \d+$/m);
      if (dialect === 'sqlite') expect(text).toMatch(/^parley_sqlite_wal_bytes \d+$/m);
      // Totals only: no session, statement or person is named.
      for (const id of [room.sessionId, statementId, room.participants[0].userId])
        expect(text).not.toContain(id);
    });

    it('answers the loopback address only, and never what a proxy forwarded', async () => {
      expect((await scrape(t, { remoteAddress: '10.1.2.3' })).statusCode).toBe(403);
      expect((await scrape(t, { headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode).toBe(
        403,
      );
    });

    it('with METRICS_TOKEN, answers the bearer of the token from anywhere', async () => {
      const guarded = await createTestApp(dialect, { env: { METRICS_TOKEN: TOKEN }, live: false });
      try {
        const from = { remoteAddress: '10.1.2.3' };
        expect((await scrape(guarded, from)).statusCode).toBe(401);
        expect(
          (
            await scrape(guarded, {
              ...from,
              headers: { authorization: 'Bearer wrong-token-of-same-size' },
            })
          ).statusCode,
        ).toBe(401);
        expect(
          (await scrape(guarded, { ...from, headers: { authorization: `Bearer ${TOKEN}` } }))
            .statusCode,
        ).toBe(200);
      } finally {
        await guarded.close();
      }
    });
  });
}
