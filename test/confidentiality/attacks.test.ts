import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/server/live/hub.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildRoom, seedStatement, vote, type Room, type RoomMember } from '../support/room.ts';

/**
 * The attacks of docs/confidentiality.md, run as a participant would run them against the real
 * server: someone with a login who records everything they receive and watches who votes when.
 * Each attack counts what it recovers; the guarantee is that it recovers nothing. They are written
 * against the shapes of both the old answers and today's, so that they can be run on the code
 * before releases existed (where they recover every ballot) as well as on today's.
 */

type Totals = { agree: number; disagree: number; pass: number };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A statement's totals as any answer carries them (null when withheld). */
function totalsOf(s: Record<string, unknown> | undefined): Totals | null {
  if (!s) return null;
  const t = (s.totals ?? s.counts ?? s) as Record<string, number> | null;
  if (!t) return null;
  const agree = t.agree ?? t.agrees;
  const disagree = t.disagree ?? t.disagrees;
  const pass = t.pass ?? t.passes ?? (t.seen !== undefined ? t.seen - agree - disagree : undefined);
  return agree === undefined || disagree === undefined || pass === undefined
    ? null
    : { agree, disagree, pass };
}

/** The one vote a difference of totals shows, if it is the difference of exactly one vote. */
function singleVote(before: Totals | null, after: Totals | null): -1 | 0 | 1 | null {
  const b = before ?? { agree: 0, disagree: 0, pass: 0 };
  if (!after) return null;
  const d = [after.agree - b.agree, after.disagree - b.disagree, after.pass - b.pass];
  const moved = d.reduce((n, x) => n + Math.abs(x), 0);
  if (d.reduce((n, x) => n + x, 0) !== 1 || moved !== 1) return null;
  return d[0] === 1 ? 1 : d[1] === 1 ? -1 : 0;
}

const ballotOf = (i: number, j: number): -1 | 0 | 1 =>
  ([1, -1, 0, 1] as const)[(i * 7 + j * 3) % 4];

for (const dialect of testDialects()) {
  describe(`[${dialect}] attacks on a Chatham House session`, () => {
    let t: TestApp;
    let room: Room;
    let watched: string;
    let mapStatements: string[];
    const events: LiveEvent[] = [];

    beforeAll(async () => {
      t = await createTestApp(dialect);
      // Nine fictional voters, alternating between the two delegations: five and four.
      room = await buildRoom(t, { rule: 'chatham_house', participants: 9 });
      watched = await seedStatement(room, 'A joint commission on river data');
      mapStatements = [];
      for (const text of ['Visa easing for scholars', 'A hotline', 'Shared flood warnings'])
        mapStatements.push(await seedStatement(room, text));
      t.deps.live!.subscribe(room.sessionId, null, (e) => events.push(e));
    });
    afterAll(() => t.close());

    it('differencing consecutive live events and reads while voters vote one at a time recovers no vote', async () => {
      let fromEvents = 0;
      let fromReads = 0;
      let lastEvent: Totals | null = null;
      let lastRead: Totals | null = null;
      const reader = room.participants[0];
      for (const [i, voter] of room.participants.entries()) {
        const value = ballotOf(i, 0);
        const seenBefore = events.length;
        expect((await vote(voter, room.sessionId, watched, value)).statusCode).toBe(201);
        // Long enough for the server to publish anything it would publish about this vote.
        await sleep(1400);
        for (const e of events.slice(seenBefore).filter((e) => e.type === 'vote-counts')) {
          const data = JSON.parse(e.payload) as { statements: Record<string, unknown>[] };
          const now = totalsOf(data.statements.find((s) => s.statementId === watched));
          if (singleVote(lastEvent, now) === value) fromEvents++;
          if (now) lastEvent = now;
        }
        const list = await reader.client.request(
          'GET',
          `/api/v1/sessions/${room.sessionId}/statements`,
        );
        const read = totalsOf(
          (list.json().items as Record<string, unknown>[]).find((s) => s.id === watched),
        );
        if (singleVote(lastRead, read) === value) fromReads++;
        if (read) lastRead = read;
      }
      expect({ fromEvents, fromReads }).toEqual({ fromEvents: 0, fromReads: 0 });
    });

    it('inverting the opinion map recovers no ballot', async () => {
      const ballots = room.participants.map((_, i) =>
        mapStatements.map((_, j) => ballotOf(i, j + 1)),
      );
      for (const [i, voter] of room.participants.entries())
        for (const [j, s] of mapStatements.entries())
          expect((await vote(voter, room.sessionId, s, ballots[i][j])).statusCode).toBe(201);
      await sleep(2500);
      const res = await room.participants[1].client.request(
        'GET',
        `/api/v1/sessions/${room.sessionId}/analysis`,
      );
      const analysis = res.json().analysis as Record<string, unknown>;
      const recovered = invertMap(analysis, mapStatements, [watched]);
      const matches = recovered.filter((b) => ballots.some((real) => real.join() === b.join()));
      expect(matches).toEqual([]);
      // And nothing in the answer is one entry per voter.
      expect(JSON.stringify(analysis)).not.toMatch(/"points"/);
    });

    it('reading small cells, or subtracting one’s own vote inside a category, learns no one’s vote', async () => {
      // One statement only two people vote on, one per delegation.
      const small = await seedStatement(room, 'A statement few vote on');
      const [a, b] = room.participants;
      expect((await vote(a, room.sessionId, small, 1)).statusCode).toBe(201);
      expect((await vote(b, room.sessionId, small, -1)).statusCode).toBe(201);
      await sleep(2500);
      const analysis = (
        await a.client.request('GET', `/api/v1/sessions/${room.sessionId}/analysis`)
      ).json().analysis as { statements: Record<string, unknown>[]; k: number };
      const k = analysis.k;
      const learned: string[] = [];
      for (const s of analysis.statements) {
        const cells = [
          ...((s.delegations as Record<string, unknown>[]) ?? []),
          ...((s.backgrounds as Record<string, unknown>[]) ?? []),
        ];
        for (const cell of cells) {
          const seen = cell.seen as number;
          // A cell of fewer than k people, or one where the others are fewer than k - 1 after
          // subtracting one's own vote, says what those few voted.
          if (seen > 0 && seen < k) learned.push(`${s.statementId} cell of ${seen}`);
        }
        const totals = totalsOf(s);
        const seen = totals ? totals.agree + totals.disagree + totals.pass : 0;
        if (seen > 0 && seen < k) learned.push(`${s.statementId} total of ${seen}`);
      }
      expect(learned).toEqual([]);
    });
  });

  describe(`[${dialect}] timing in a Chatham House session`, () => {
    let t: TestApp;
    let room: Room;
    beforeAll(async () => {
      t = await createTestApp(dialect, { env: { PARLEY_QUEUE_BATCH_SECONDS: '2' } });
      room = await buildRoom(t, { rule: 'chatham_house', participants: 3 });
    });
    afterAll(() => t.close());

    it('a statement does not reach moderators the moment it is written, and its times are coarse', async () => {
      const author: RoomMember = room.participants[0];
      const queueEvents: number[] = [];
      t.deps.live!.subscribe(room.sessionId, null, (e) => {
        if (e.type === 'moderation-queue') queueEvents.push(Date.now());
      });
      // Just after a batch began, so that "at once" is well before it ends.
      await sleep(2000 - (Date.now() % 2000) + 50);
      const submitted = await author.client.request(
        'POST',
        `/api/v1/sessions/${room.sessionId}/statements`,
        { kind: 'idea', text: 'Open the border crossing for pilgrims' },
      );
      expect(submitted.statusCode).toBe(201);
      const at = Date.now();
      const queue = () =>
        room.moderator.client.request(
          'GET',
          `/api/v1/sessions/${room.sessionId}/statements?status=pending`,
        );
      // At once: neither the statement nor an event that says a statement just arrived.
      const atOnce = (await queue()).json();
      const arrivedAtOnce = atOnce.items.length > 0 || queueEvents.some((e) => e - at < 200);
      expect(arrivedAtOnce).toBe(false);
      // With its batch.
      await expect.poll(async () => (await queue()).json().items.length, { timeout: 8000 }).toBe(1);
      const statement = (await queue()).json().items[0];
      expect(statement.createdAt).toMatch(/:00\.000Z$/);
      expect(queueEvents.length).toBeGreaterThan(0);
    });
  });
}

/**
 * The attack on the opinion map of the old answers: the statement positions and counts give back
 * the principal components, and each participant's point matches exactly one ballot. Returns the
 * ballots (over `statements`) it finds; none when there are no points to invert.
 */
function invertMap(
  analysis: Record<string, unknown>,
  statements: string[],
  alsoVoted: string[],
): number[][] {
  const points = analysis.points as { x: number; y: number }[] | undefined;
  if (!points) return [];
  const all = analysis.statements as Record<string, number | string>[];
  const byId = new Map(all.map((s) => [s.statementId as string, s]));
  const ids = [...statements, ...alsoVoted];
  const n = all.length;
  const centre = (s: Record<string, number | string>) =>
    ((s.agrees as number) - (s.disagrees as number)) / (s.seen as number);
  const component = (axis: 'x' | 'y') =>
    all.map((s) => (s[axis] as number) / ((1 - centre(s)) * Math.sqrt(n)));
  const [c1, c2] = [component('x'), component('y')];
  const index = new Map(all.map((s, j) => [s.statementId as string, j]));
  const found: number[][] = [];
  const known = alsoVoted.map(() => [-1, 0, 1]);
  const candidates = cartesian([...statements.map(() => [-1, 0, 1]), ...known]);
  for (const p of points) {
    const hits = candidates.filter((ballot) => {
      let x = 0;
      let y = 0;
      ballot.forEach((v, k) => {
        const j = index.get(ids[k])!;
        const s = byId.get(ids[k])!;
        x += (v - centre(s)) * c1[j];
        y += (v - centre(s)) * c2[j];
      });
      const scale = Math.sqrt(n / ballot.length);
      return Math.abs(x * scale - p.x) < 2e-4 && Math.abs(y * scale - p.y) < 2e-4;
    });
    if (hits.length === 1) found.push(hits[0].slice(0, statements.length));
  }
  return found;
}

function cartesian(options: number[][]): number[][] {
  return options.reduce<number[][]>(
    (acc, values) => acc.flatMap((prefix) => values.map((v) => [...prefix, v])),
    [[]],
  );
}
