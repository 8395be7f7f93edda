import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../../bench/support/sse-client.ts';
import { createCoalescer } from '../../src/server/live/coalescer.ts';
import { createTestApp, publicClient, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { analysisWithVotes, cookieFor, listen, nextLiveEvent } from '../support/live.ts';
import { buildRoom, seedStatement, vote, type Room } from '../support/room.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('coalescer', () => {
  it('runs a lone call at once and gathers the burst that follows into one more run', async () => {
    const runs: number[] = [];
    const coalescer = createCoalescer({
      intervalMs: 50,
      run: async () => void runs.push(Date.now()),
    });
    const started = Date.now();
    coalescer.schedule('s');
    expect(runs).toHaveLength(1);
    for (let i = 0; i < 20; i++) coalescer.schedule('s');
    await sleep(150);
    expect(runs).toHaveLength(2);
    expect(runs[1] - started).toBeGreaterThanOrEqual(49);
    await coalescer.close();
  });
  it('turns calls during a run into exactly one more run, and keeps keys apart', async () => {
    const runs: string[] = [];
    let release!: () => void;
    const coalescer = createCoalescer({
      intervalMs: 30,
      run: async (key) => {
        runs.push(key);
        if (runs.length === 1) await new Promise<void>((r) => (release = r));
      },
    });
    coalescer.schedule('a');
    for (let i = 0; i < 20; i++) coalescer.schedule('a');
    coalescer.schedule('b');
    await sleep(50);
    expect(runs).toEqual(['a', 'b']);
    release();
    await sleep(20);
    expect(runs).toEqual(['a', 'b', 'a']);
    await sleep(100);
    expect(runs).toHaveLength(3);
    await coalescer.close();
  });
  it('runs once per interval under sustained calls, never once per call', async () => {
    let runs = 0;
    const coalescer = createCoalescer({ intervalMs: 100, run: async () => void runs++ });
    const started = Date.now();
    let calls = 0;
    while (Date.now() - started < 450) {
      coalescer.schedule('s');
      calls++;
      await sleep(5);
    }
    expect(calls).toBeGreaterThan(30);
    expect(runs).toBeGreaterThanOrEqual(4);
    expect(runs).toBeLessThanOrEqual(6);
    await coalescer.close();
  });
  it('spaces runs by their own cost when given a busy share', async () => {
    const starts: number[] = [];
    // Runs of ~40 ms may take a quarter of the time: one start every ~160 ms at most, not every 10 ms.
    const coalescer = createCoalescer({
      intervalMs: 10,
      maxBusyShare: 0.25,
      run: async () => {
        starts.push(Date.now());
        await sleep(40);
      },
    });
    const began = Date.now();
    while (Date.now() - began < 600) {
      coalescer.schedule('s');
      await sleep(5);
    }
    await coalescer.close();
    const gaps = starts.slice(1).map((at, i) => at - starts[i]);
    expect(starts.length).toBeGreaterThanOrEqual(3);
    expect(starts.length).toBeLessThanOrEqual(5);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(150);
  });
  it('never spaces runs by more than maxSpacingMs, however slow one was', async () => {
    const starts: number[] = [];
    const coalescer = createCoalescer({
      intervalMs: 10,
      maxBusyShare: 0.25,
      maxSpacingMs: 100,
      run: async () => {
        starts.push(Date.now());
        // The first run is slow (a worker starting): by cost alone the next would wait 1.2 s.
        if (starts.length === 1) await sleep(300);
      },
    });
    coalescer.schedule('s');
    coalescer.schedule('s');
    await sleep(600);
    await coalescer.close();
    expect(starts).toHaveLength(2);
    expect(starts[1] - starts[0]).toBeLessThan(500);
  });
  it('keeps going after a failing run', async () => {
    let runs = 0;
    const coalescer = createCoalescer({
      intervalMs: 10,
      run: async () => {
        runs++;
        throw new Error('analysis failed');
      },
    });
    coalescer.schedule('s');
    await sleep(20);
    coalescer.schedule('s');
    await sleep(20);
    expect(runs).toBe(2);
    await coalescer.close();
  });
});

for (const dialect of testDialects()) {
  describe(`[${dialect}] live recomputation and events`, () => {
    let t: TestApp;
    let room: Room;
    let statements: string[];
    let baseUrl: string;
    let clock = Date.parse('2026-04-05T09:00:00.000Z');
    beforeAll(async () => {
      t = await createTestApp(dialect, { now: () => new Date((clock += 1000)) });
      room = await buildRoom(t, { participants: 4 });
      statements = [];
      for (const text of ['Open a hotline', 'Joint water data', 'Visa easing'])
        statements.push(await seedStatement(room, text));
      baseUrl = await listen(t);
    });
    afterAll(() => t.close());

    it('releases once k voters have voted, timed to the second of the release', async () => {
      const analysed = analysisWithVotes(t, room.sessionId, 3);
      const receipts = [];
      for (const [i, member] of room.participants.slice(0, 3).entries()) {
        const res = await vote(member, room.sessionId, statements[0], i === 0 ? -1 : 1);
        expect(res.statusCode).toBe(201);
        receipts.push(res.json());
      }
      const summary = await analysed;
      expect(summary.releasedAt).toMatch(/:\d\d\.000Z$/);
      expect(summary.heldBack).toBe(0);
      const row = await t.deps.db.kysely
        .selectFrom('analysis_results')
        .selectAll()
        .where('session_id', '=', room.sessionId)
        .executeTakeFirstOrThrow();
      expect(row.computed_at).toBe(summary.releasedAt);
      expect(row.vote_count).toBe(3);
      const newest = receipts
        .map((r) => r.votedAt as string)
        .sort()
        .at(-1);
      expect(Date.parse(row.computed_at)).toBeGreaterThan(Date.parse(newest!) - 1000);
      const counts = summary.statements.find((s) => s.statementId === statements[0])!.totals;
      expect([counts?.agrees, counts?.disagrees]).toEqual([2, 1]);
    });

    it('coalesces a burst of votes into few analysis runs, keeping only the latest analysis stored', async () => {
      await sleep(300); // the previous test's last run is over
      const runs: number[] = [];
      const unsubscribe = t.deps.live!.subscribe(room.sessionId, null, (e) => {
        if (e.type === 'analysis') runs.push(e.seq);
      });
      // Released and held-back votes add up to every vote once the burst has been seen.
      const analysed = nextLiveEvent(t, room.sessionId, 'analysis', (d) => {
        const a = d as { counts: { votes: number }; heldBack: number };
        return a.counts.votes + a.heldBack === 3 + 8;
      });
      const started = Date.now();
      for (const member of room.participants)
        for (const s of statements.slice(1)) await vote(member, room.sessionId, s, 1);
      const elapsed = Date.now() - started;
      await analysed;
      await sleep(400);
      unsubscribe();
      // Eight votes in quick succession: at most one release a second, never one per vote.
      expect(runs.length).toBeGreaterThanOrEqual(1);
      expect(runs.length).toBeLessThanOrEqual(2 + Math.floor(elapsed / 1000));
      expect(runs.length).toBeLessThan(8);
      const stored = await t.deps.db.kysely
        .selectFrom('live_events')
        .select('seq')
        .where('session_id', '=', room.sessionId)
        .where('type', '=', 'analysis')
        .execute();
      expect(stored.map((r) => Number(r.seq))).toEqual([runs.at(-1)]);
    });

    it('sends a vote-counts event with the totals of the release only', async () => {
      const counts = nextLiveEvent(t, room.sessionId, 'vote-counts');
      // Three people change or cast a vote: k of them, so the change can be released.
      for (const member of room.participants.slice(1))
        await vote(member, room.sessionId, statements[0], 0);
      const data = JSON.parse((await counts).payload);
      expect(
        data.statements.find((s: { statementId: string }) => s.statementId === statements[0]),
      ).toEqual({
        statementId: statements[0],
        totals: { agrees: 0, disagrees: 1, passes: 3, seen: 4 },
      });
      for (const member of room.participants)
        expect(JSON.stringify(data)).not.toContain(member.participationId);
    });

    it('replays exactly the missed events to a client reconnecting with Last-Event-ID', async () => {
      const cookie = await cookieFor(t, room.participants[0].userId);
      const url = `${baseUrl}/api/v1/sessions/${room.sessionId}/events`;
      const first = await openEventStream(url, { cookie });
      expect(first.status).toBe(200);
      expect(first.headers['content-type']).toContain('text/event-stream');
      await t.deps.live!.publish(room.sessionId, { type: 'test', data: { n: 1 } });
      const seen = await first.waitFor((e) => e.event === 'test');
      first.close();
      for (const n of [2, 3, 4])
        await t.deps.live!.publish(room.sessionId, { type: 'test', data: { n } });

      const again = await openEventStream(url, { cookie, lastEventId: seen.id! });
      await again.waitFor((e) => e.event === 'test' && JSON.parse(e.data).n === 4);
      await t.deps.live!.publish(room.sessionId, { type: 'test', data: { n: 5 } });
      await again.waitFor((e) => e.event === 'test' && JSON.parse(e.data).n === 5);
      await sleep(100);
      const replayed = again.events
        .filter((e) => e.event === 'test')
        .map((e) => JSON.parse(e.data).n);
      expect(replayed).toEqual([2, 3, 4, 5]);
      const ids = again.events.map((e) => e.id!);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(Math.min(...ids)).toBeGreaterThan(seen.id!);
      again.close();

      const byQuery = await openEventStream(`${url}?after=${seen.id}`, { cookie });
      await byQuery.waitFor((e) => e.event === 'test' && JSON.parse(e.data).n === 5);
      expect(
        byQuery.events.filter((e) => e.event === 'test').map((e) => JSON.parse(e.data).n),
      ).toEqual([2, 3, 4, 5]);
      byQuery.close();

      // The non-streaming fallback answers the same missed events and ends.
      const once = await room.participants[0].client.request(
        'GET',
        `/api/v1/sessions/${room.sessionId}/events?after=${seen.id}&once=true`,
      );
      expect(once.statusCode).toBe(200);
      expect(once.headers['content-type']).toContain('text/event-stream');
      const frames = once.body.split('\n\n').filter((f) => f.includes('event: test'));
      expect(frames.map((f) => JSON.parse(f.split('data: ')[1]).n)).toEqual([2, 3, 4, 5]);
    });

    it('pushes the analysis to a subscriber without participant ids or names', async () => {
      const cookie = await cookieFor(t, room.moderator.userId);
      const stream = await openEventStream(`${baseUrl}/api/v1/sessions/${room.sessionId}/events`, {
        cookie,
      });
      for (const member of room.participants.slice(0, 3))
        expect((await vote(member, room.sessionId, statements[0], 1)).statusCode).toBe(201);
      const event = await stream.waitFor((e) => e.event === 'analysis');
      stream.close();
      expect(JSON.parse(event.data).sessionId).toBe(room.sessionId);
      for (const m of [...room.participants, room.moderator]) {
        for (const secret of [m.participationId, m.personId, m.userId, m.fullName, m.email])
          expect(event.data).not.toContain(secret);
      }
    });

    it('lets only the round in: 404 for the public, 403 for sponsors and outsiders, 400 for a bad Last-Event-ID', async () => {
      const url = `/api/v1/sessions/${room.sessionId}/events`;
      expect((await publicClient(t).request('GET', url)).statusCode).toBe(404);
      expect((await room.sponsor.request('GET', url)).statusCode).toBe(403);
      expect((await room.outsider.request('GET', url)).statusCode).toBe(403);
      expect((await room.organiser.request('GET', '/api/v1/sessions/nope/events')).statusCode).toBe(
        404,
      );
      const bad = await openEventStream(`${baseUrl}${url}`, {
        cookie: await cookieFor(t, room.participants[0].userId),
        lastEventId: 'x' as unknown as number,
      });
      expect(bad.status).toBe(400);
      const after = await room.organiser.request('GET', `${url}?after=-1`);
      expect(after.statusCode).toBe(400);
      expect(after.json().errors[0].field).toBe('query.after');
    });

    it('logs a failing analysis and keeps collecting votes; the next good run recovers', async () => {
      const logged: string[] = [];
      const t2 = await createTestApp(dialect, { live: { log: (message) => logged.push(message) } });
      try {
        const room2 = await buildRoom(t2, { participants: 3 });
        const statement = await seedStatement(room2, 'Joint water data');
        // A corrupt row the engine refuses (values are -1, 0 or 1).
        const at = new Date().toISOString();
        await t2.deps.db.kysely
          .insertInto('votes')
          .values({
            client_vote_id: randomUUID(),
            session_id: room2.sessionId,
            statement_id: statement,
            participation_id: room2.participants[1].participationId,
            value: 7,
            created_at: at,
            updated_at: at,
          })
          .execute();
        const res = await vote(room2.participants[0], room2.sessionId, statement, 1);
        expect(res.statusCode).toBe(201);
        await expect.poll(() => logged.length, { timeout: 10_000 }).toBeGreaterThan(0);
        expect(logged[0]).toContain(`analysis of session ${room2.sessionId} failed`);
        expect((await vote(room2.participants[0], room2.sessionId, statement, -1)).statusCode).toBe(
          201,
        );

        await t2.deps.db.kysely.deleteFrom('votes').where('value', '=', 7).execute();
        const analysed = analysisWithVotes(t2, room2.sessionId, 3);
        expect((await vote(room2.participants[1], room2.sessionId, statement, 0)).statusCode).toBe(
          201,
        );
        expect((await vote(room2.participants[2], room2.sessionId, statement, 1)).statusCode).toBe(
          201,
        );
        const summary = await analysed;
        expect(summary.statements[0].totals).toMatchObject({ agrees: 1, disagrees: 1, passes: 1 });
        const stored = (
          await room2.organiser.request('GET', `/api/v1/sessions/${room2.sessionId}/analysis`)
        ).json().analysis;
        expect(stored.counts.votes).toBe(3);
      } finally {
        await t2.close();
      }
    });

    it('ends open streams when the server closes', async () => {
      const t2 = await createTestApp(dialect);
      const room2 = await buildRoom(t2, { participants: 1 });
      const url = await listen(t2);
      const stream = await openEventStream(`${url}/api/v1/sessions/${room2.sessionId}/events`, {
        cookie: await cookieFor(t2, room2.participants[0].userId),
      });
      expect(stream.status).toBe(200);
      const closing = t2.close();
      await stream.ended;
      await closing;
    });
  });
}
