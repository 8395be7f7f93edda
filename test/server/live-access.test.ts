import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, type EventStream } from '../../bench/support/sse-client.ts';
import { openDatabase } from '../../src/server/db/connect.ts';
import { openSession } from '../../src/server/services/accounts.service.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildMember, buildUser } from '../support/factories.ts';
import { listen, openUnreadStream, within } from '../support/live.ts';
import { addMember, buildRoom, roomClient, type Room } from '../support/room.ts';

const HOUR_MS = 3600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A room on its own app, listening, with helpers to open its session's stream. */
async function liveRoom(t: TestApp) {
  const room = await buildRoom(t, { participants: 1 });
  const url = `${await listen(t)}/api/v1/sessions/${room.sessionId}/events`;
  return {
    room,
    url,
    open: (cookie: string, options: { lastEventId?: number; from?: string } = {}) =>
      openEventStream(url, {
        cookie,
        lastEventId: options.lastEventId,
        headers: options.from ? { 'x-forwarded-for': options.from } : {},
      }),
    publish: (type: string, data: unknown) => t.deps.live!.publish(room.sessionId, { type, data }),
  };
}

const ends = (stream: EventStream, when: string) =>
  within(stream.ended, `the stream did not end when ${when}`);

/** Opens the stream again and again (a refusal is 429) until it is admitted; throws after timeoutMs. */
async function openOnceAdmitted(open: () => Promise<EventStream>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stream = await open();
    if (stream.status === 200) return stream;
    expect(stream.status).toBe(429);
    if (Date.now() > deadline) throw new Error(`no stream admitted within ${timeoutMs} ms`);
    await sleep(25);
  }
}

for (const dialect of testDialects()) {
  describe(`[${dialect}] live streams follow access`, () => {
    let t: TestApp;
    let live: Awaited<ReturnType<typeof liveRoom>>;
    let room: Room;
    let offset = 0;
    beforeAll(async () => {
      t = await createTestApp(dialect, {
        now: () => new Date(Date.now() + offset),
        env: { SESSION_TTL_HOURS: '1' },
      });
      live = await liveRoom(t);
      room = live.room;
    });
    afterAll(() => t.close());

    /** The stream is open and fed: an event published now reaches it. */
    async function stillOpen(stream: EventStream) {
      const n = Math.random();
      await live.publish('probe', { n });
      await stream.waitFor((e) => e.event === 'probe' && JSON.parse(e.data).n === n);
    }

    it("closes a participant's stream when the organiser withdraws the participation, and only theirs", async () => {
      const leaver = await addMember(t, room.roundId);
      const stayer = await addMember(t, room.roundId);
      const gone = await live.open(leaver.client.cookie);
      const kept = await live.open(stayer.client.cookie);
      expect([gone.status, kept.status]).toEqual([200, 200]);
      await stillOpen(gone);
      const res = await room.organiser.request(
        'PATCH',
        `/api/v1/participations/${leaver.participationId}`,
        { status: 'withdrawn' },
      );
      expect(res.statusCode).toBe(200);
      await ends(gone, 'the participation was withdrawn');
      await stillOpen(kept);
      kept.close();
      expect((await live.open(leaver.client.cookie)).status).toBe(403);
    });

    it('closes it too when another process withdraws the participation', async () => {
      const leaver = await addMember(t, room.roundId);
      const stream = await live.open(leaver.client.cookie);
      await stillOpen(stream);
      // Another connection to the same database, as a second server process or the CLI would be.
      const other = openDatabase(t.database.url);
      try {
        await other.kysely
          .updateTable('participations')
          .set({ status: 'withdrawn' })
          .where('id', '=', leaver.participationId)
          .execute();
      } finally {
        await other.close();
      }
      await ends(stream, 'another process withdrew the participation');
    });

    it('closes the streams of a sign-in when it signs out, not those of another sign-in', async () => {
      const member = await addMember(t, room.roundId);
      const signedOut = await live.open(member.client.cookie);
      const otherSignIn = await live.open(
        `parley_session=${(await openSession(t.deps, member.userId)).secret}`,
      );
      await stillOpen(signedOut);
      expect((await member.client.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
      await ends(signedOut, 'its sign-in signed out');
      await stillOpen(otherSignIn);
      otherSignIn.close();
    });

    it('closes a stream when its sign-in expires', async () => {
      const member = await addMember(t, room.roundId);
      // A one-hour sign-in made an hour minus 3 s ago (on the app's clock).
      offset = 3000 - HOUR_MS;
      const { secret } = await openSession(t.deps, member.userId);
      offset = 0;
      const cookie = `parley_session=${secret}`;
      const stream = await live.open(cookie);
      expect(stream.status).toBe(200);
      await ends(stream, 'its sign-in expired');
      expect((await live.open(cookie)).status).toBe(404);
    });

    it("closes an organiser's stream when the organiser role is removed", async () => {
      const user = await buildUser(t.deps.db.kysely);
      const role = await buildMember(t.deps.db.kysely, {
        series_id: room.seriesId,
        user_id: user.id,
        role: 'organiser',
      });
      const organiser = await roomClient(t, user.id);
      const stream = await live.open(organiser.cookie);
      await stillOpen(stream);
      const res = await room.admin.request('DELETE', `/api/v1/series-members/${role.id}`);
      expect(res.statusCode).toBe(204);
      await ends(stream, 'the organiser role was removed');
      expect((await live.open(organiser.cookie)).status).toBe(403);
    });

    it('refuses the 11th stream of a user with 429 and Retry-After, and admits one again when one closes', async () => {
      const member = await addMember(t, room.roundId);
      const streams: EventStream[] = [];
      for (let i = 0; i < 10; i++) streams.push(await live.open(member.client.cookie));
      expect(streams.map((s) => s.status)).toEqual(Array(10).fill(200));
      // Another sign-in of the same user counts too.
      const refused = await fetch(live.url, {
        headers: { cookie: `parley_session=${(await openSession(t.deps, member.userId)).secret}` },
      });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('30');
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect((await refused.json()).status).toBe(429);
      streams.shift()!.close();
      streams.push(await openOnceAdmitted(() => live.open(member.client.cookie)));
      for (const stream of streams) stream.close();
    });

    it('drops a client that never reads, instead of buffering for it', async () => {
      const member = await addMember(t, room.roundId);
      const cookie = member.client.cookie;
      const unread = await openUnreadStream(live.url, cookie);
      expect(unread.status).toBe(200);
      const readers: EventStream[] = [];
      for (let i = 0; i < 9; i++) readers.push(await live.open(cookie));
      // The user's ten streams are open: an eleventh is admitted once the unread one is dropped.
      const big = 'x'.repeat(64 * 1024);
      let published = 0;
      readers.push(
        await openOnceAdmitted(async () => {
          await live.publish('vote-counts', { big, n: ++published });
          return live.open(cookie);
        }, 60_000),
      );
      unread.resume();
      await within(unread.closed, 'the unread stream did not end');
      // The readers were fed all along.
      await readers[0].waitFor(
        (e) => e.event === 'vote-counts' && JSON.parse(e.data).n === published,
      );
      for (const stream of readers) stream.close();
    });
  });

  describe(`[${dialect}] live streams end after their lifetime`, () => {
    let t: TestApp;
    let live: Awaited<ReturnType<typeof liveRoom>>;
    beforeAll(async () => {
      t = await createTestApp(dialect, { env: { LIVE_STREAM_LIFETIME_SECONDS: '2' } });
      live = await liveRoom(t);
    });
    afterAll(() => t.close());

    it('ends a stream after its lifetime; the reconnect with Last-Event-ID gets what it missed, once', async () => {
      const cookie = live.room.participants[0].client.cookie;
      const first = await live.open(cookie);
      expect(first.status).toBe(200);
      await live.publish('note', { n: 0 });
      await first.waitFor((e) => e.event === 'note');
      await ends(first, 'its lifetime was over');
      await live.publish('note', { n: 1 });
      const again = await live.open(cookie, { lastEventId: first.lastEventId! });
      await again.waitFor((e) => e.event === 'note' && JSON.parse(e.data).n === 1);
      await live.publish('note', { n: 2 });
      await again.waitFor((e) => e.event === 'note' && JSON.parse(e.data).n === 2);
      await ends(again, 'its lifetime was over');
      const notes = (s: EventStream) =>
        s.events.filter((e) => e.event === 'note').map((e) => JSON.parse(e.data).n);
      expect([notes(first), notes(again)]).toEqual([[0], [1, 2]]);
    });

    it('gives a fresh stream the newest id, so a reconnect misses nothing though it saw no event', async () => {
      const cookie = live.room.participants[0].client.cookie;
      const quiet = await live.open(cookie);
      await ends(quiet, 'its lifetime was over');
      expect(quiet.events).toEqual([]);
      expect(quiet.lastEventId).not.toBeNull();
      await live.publish('note', { n: 3 });
      const again = await live.open(cookie, { lastEventId: quiet.lastEventId! });
      const missed = await again.waitFor((e) => e.event === 'note');
      expect(JSON.parse(missed.data).n).toBe(3);
      again.close();
    });
  });

  describe(`[${dialect}] live streams per address`, () => {
    let t: TestApp;
    let live: Awaited<ReturnType<typeof liveRoom>>;
    beforeAll(async () => {
      t = await createTestApp(dialect, {
        env: { LIVE_STREAMS_PER_ADDRESS: '3', TRUST_PROXY: 'loopback' },
      });
      live = await liveRoom(t);
    });
    afterAll(() => t.close());

    it('refuses streams beyond the per-address cap with 429, whoever opens them', async () => {
      const members = [];
      for (let i = 0; i < 4; i++) members.push(await addMember(t, live.room.roundId));
      const hotel = '203.0.113.7';
      const open = [];
      for (const member of members.slice(0, 3))
        open.push(await live.open(member.client.cookie, { from: hotel }));
      expect(open.map((s) => s.status)).toEqual([200, 200, 200]);
      const refused = await live.open(members[3].client.cookie, { from: hotel });
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('30');
      const elsewhere = await live.open(members[3].client.cookie, { from: '198.51.100.9' });
      expect(elsewhere.status).toBe(200);
      for (const stream of [...open, elsewhere]) stream.close();
    });
  });
}
