import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../../bench/support/sse-client.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { listen } from '../support/live.ts';
import { buildRoom, seedStatement, type Room } from '../support/room.ts';

const decode = (encoding: string | undefined, body: Buffer) =>
  encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;

for (const dialect of testDialects()) {
  describe(`[${dialect}] compression and caching of API answers and pages`, () => {
    let t: TestApp;
    let room: Room;
    let cookie: string;
    const get = (url: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url, headers: { cookie, ...headers } });

    beforeAll(async () => {
      t = await createTestApp(dialect);
      room = await buildRoom(t, { participants: 1 });
      for (let i = 0; i < 12; i++)
        await seedStatement(room, `Statement ${i}: a standing channel between the ministries.`);
      cookie = room.participants[0].client.cookie;
    });
    afterAll(() => t.close());

    const statementsUrl = () => `/api/v1/sessions/${room.sessionId}/statements?status=approved`;

    it('sends a large API answer as brotli or gzip by Accept-Encoding, and plain without it', async () => {
      const plain = await get(statementsUrl());
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.rawPayload.length).toBeGreaterThan(1024);
      const items = plain.json().items;
      expect(items).toHaveLength(12);
      for (const [accept, encoding] of [
        ['gzip, deflate, br', 'br'],
        ['gzip', 'gzip'],
        ['identity', undefined],
        ['compress', undefined],
      ] as const) {
        const res = await get(statementsUrl(), { 'accept-encoding': accept });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-encoding']).toBe(encoding);
        const body = JSON.parse(decode(encoding, res.rawPayload).toString('utf8'));
        expect(body.items).toEqual(items);
        if (encoding) expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      }
    });

    it('leaves small answers uncompressed', async () => {
      const res = await get('/api/v1/me', { 'accept-encoding': 'br' });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.length).toBeLessThan(1024);
      expect(res.headers['content-encoding']).toBeUndefined();
    });

    it('marks personal API answers private and never stored, problems included', async () => {
      for (const url of [statementsUrl(), '/api/v1/me', `/api/v1/sessions/${room.sessionId}`]) {
        expect((await get(url)).headers['cache-control']).toBe('private, no-store');
      }
      const refused = await t.app.inject({ method: 'GET', url: statementsUrl() });
      expect(refused.statusCode).toBeGreaterThanOrEqual(400);
      expect(refused.headers['cache-control']).toBe('private, no-store');
    });

    it('compresses server-rendered pages, keeping their own Cache-Control', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/',
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(res.rawPayload).toString('utf8')).toContain('<html lang="en">');
    });

    it('never compresses a server-sent event stream', async () => {
      const base = await listen(t);
      const replay = await get(`/api/v1/sessions/${room.sessionId}/events?once=1&after=0`, {
        'accept-encoding': 'gzip, br',
      });
      expect(replay.statusCode).toBe(200);
      expect(replay.headers['content-type']).toContain('text/event-stream');
      expect(replay.headers['content-encoding']).toBeUndefined();
      const stream = await openEventStream(`${base}/api/v1/sessions/${room.sessionId}/events`, {
        cookie,
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      try {
        expect(stream.status).toBe(200);
        expect(stream.headers['content-encoding']).toBeUndefined();
        const seen = stream.waitFor((e) => e.data.includes('pushed while the stream is open'));
        await seedStatement(room, 'A statement pushed while the stream is open, as plain text.');
        expect((await seen).event).toBe('statement');
      } finally {
        stream.close();
      }
    });
  });
}
