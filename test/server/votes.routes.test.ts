import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawIndex } from '../../src/server/services/votes.service.ts';
import { createTestApp, publicClient, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  addMember,
  buildRoom,
  seedStatement,
  storedCounts,
  vote,
  voteId,
  type Room,
} from '../support/room.ts';

const fields = (res: { json(): { errors?: Array<{ field: string }> } }) =>
  (res.json().errors ?? []).map((e) => e.field);

describe('drawIndex', () => {
  it('draws in proportion to the weights', () => {
    const counts = [0, 0, 0];
    let x = 0;
    const evenly = () => ((x = (x + 0.618033988749895) % 1), x);
    for (let i = 0; i < 3000; i++) counts[drawIndex([1, 2, 7], evenly)]++;
    expect(counts[0] / 3000).toBeCloseTo(0.1, 1);
    expect(counts[2] / 3000).toBeCloseTo(0.7, 1);
  });
});

for (const dialect of testDialects()) {
  describe(`[${dialect}] votes routes`, () => {
    let t: TestApp;
    let room: Room;
    let s1: string;
    let s2: string;
    beforeAll(async () => {
      // No live hub: its recomputations would overwrite the analysis the routing test stores.
      t = await createTestApp(dialect, { live: false });
      room = await buildRoom(t, { rule: 'chatham_house', participants: 3 });
      s1 = await seedStatement(room, 'Resume the composite dialogue');
      s2 = await seedStatement(room, 'Share flood data on the Indus in real time');
    });
    afterAll(() => t.close());
    const votesUrl = () => `/api/v1/sessions/${room.sessionId}/votes`;
    const myVotes = (i: number) =>
      room.participants[i].client.request('GET', `/api/v1/sessions/${room.sessionId}/my-votes`);

    describe('#votes.cast', () => {
      it('records a vote (201) and answers a retry with the stored vote (200), counting once', async () => {
        const p = room.participants[0];
        const id = voteId();
        const first = await vote(p, room.sessionId, s1, 1, id);
        expect(first.statusCode).toBe(201);
        expect(first.json()).toMatchObject({
          clientVoteId: id,
          statementId: s1,
          value: 1,
          replayed: false,
        });
        const retry = await vote(p, room.sessionId, s1, 1, id);
        expect(retry.statusCode).toBe(200);
        expect(retry.json()).toMatchObject({ clientVoteId: id, value: 1, replayed: true });
        // A retry carrying a different value changes nothing either.
        expect((await vote(p, room.sessionId, s1, -1, id)).json().value).toBe(1);
        expect(await storedCounts(t, s1)).toEqual({ agree: 1, disagree: 0, pass: 0 });
      });
      it('lets the later vote win, and a late retry of the superseded vote changes nothing', async () => {
        const p = room.participants[1];
        const first = voteId();
        const second = voteId();
        expect((await vote(p, room.sessionId, s2, 1, first)).statusCode).toBe(201);
        const change = await vote(p, room.sessionId, s2, -1, second);
        expect(change.statusCode).toBe(201);
        expect(change.json()).toMatchObject({ clientVoteId: second, value: -1 });
        const late = await vote(p, room.sessionId, s2, 1, first);
        expect(late.statusCode).toBe(200);
        expect(late.json()).toMatchObject({ clientVoteId: second, value: -1, replayed: true });
        const mine = (await myVotes(1)).json().items;
        expect(mine).toEqual([
          { clientVoteId: second, statementId: s2, value: -1, votedAt: expect.any(String) },
        ]);
      });
      it('counts concurrent retries of one vote once', async () => {
        const p = room.participants[2];
        const id = voteId();
        const answers = await Promise.all(
          Array.from({ length: 5 }, () => vote(p, room.sessionId, s1, 0, id)),
        );
        expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
        expect(
          (await myVotes(2))
            .json()
            .items.filter((v: { statementId: string }) => v.statementId === s1),
        ).toHaveLength(1);
      });
      it('refuses a clientVoteId reused for another statement (409), even once superseded', async () => {
        const p = room.participants[0];
        const id = voteId();
        await vote(p, room.sessionId, s2, 0, id);
        const res = await vote(p, room.sessionId, s1, 0, id);
        expect(res.statusCode).toBe(409);
        expect(fields(res)).toContain('body.clientVoteId');
        const extra = await seedStatement(room, 'A statement nobody has voted on yet');
        expect((await vote(p, room.sessionId, s2, 1)).statusCode).toBe(201);
        expect((await vote(p, room.sessionId, extra, 1, id)).statusCode).toBe(409);
      });
      it('names the field of every malformed vote', async () => {
        const p = room.participants[0].client;
        const cases: Array<[object, string]> = [
          [{ clientVoteId: 'not-a-uuid', statementId: s1, value: 1 }, 'body.clientVoteId'],
          [{ clientVoteId: voteId(), statementId: s1, value: 2 }, 'body.value'],
          [{ clientVoteId: voteId(), statementId: s1, value: 'agree' }, 'body.value'],
          [{ clientVoteId: voteId(), value: 1 }, 'body.statementId'],
        ];
        for (const [body, field] of cases) {
          const res = await p.request('POST', votesUrl(), body);
          expect(res.statusCode).toBe(400);
          expect(fields(res)).toContain(field);
        }
      });
      it('answers 409 for an unapproved statement', async () => {
        const pending = (
          await room.participants[0].client.request(
            'POST',
            `/api/v1/sessions/${room.sessionId}/statements`,
            { kind: 'idea', text: 'Pending idea' },
          )
        ).json().id;
        const res = await vote(room.participants[1], room.sessionId, pending, 1);
        expect(res.statusCode).toBe(409);
        expect(res.json().detail).toMatch(/not approved/);
      });
      it("answers 403 for another session's or another round's statement", async () => {
        const other = await buildRoom(t, { participants: 1 });
        const foreign = await seedStatement(other, 'Another round entirely');
        const res = await vote(room.participants[0], room.sessionId, foreign, 1);
        expect(res.statusCode).toBe(403);
        // Voting in the other round's own session still needs a participation there.
        expect((await vote(room.participants[0], other.sessionId, foreign, 1)).statusCode).toBe(
          403,
        );
      });
      it('answers 403 to non-participants (sponsor, organiser without a seat, declined participant) and 401 to the public', async () => {
        const body = { clientVoteId: voteId(), statementId: s1, value: 1 };
        expect((await room.sponsor.request('POST', votesUrl(), body)).statusCode).toBe(403);
        expect((await room.organiser.request('POST', votesUrl(), body)).statusCode).toBe(403);
        const declined = await addMember(t, room.roundId, { status: 'declined' });
        expect((await declined.client.request('POST', votesUrl(), body)).statusCode).toBe(403);
        expect((await publicClient(t).request('POST', votesUrl(), body)).statusCode).toBe(401);
      });
      it('answers 404 for an unknown statement or session', async () => {
        expect(
          (await vote(room.participants[0], room.sessionId, 'no-such-statement', 1)).statusCode,
        ).toBe(404);
        expect((await vote(room.participants[0], 'no-such-session', s1, 1)).statusCode).toBe(404);
      });
      it('rate-limits more than 120 votes a minute from one participant', async () => {
        const flooder = await addMember(t, room.roundId);
        let last = 0;
        for (let i = 0; i < 121; i++)
          last = (await vote(flooder, room.sessionId, i % 2 ? s1 : s2, 1)).statusCode;
        expect(last).toBe(429);
      });
      it('answers a retry after closing with the stored vote, and refuses new votes (409)', async () => {
        const closing = await buildRoom(t, { participants: 1 });
        const s = await seedStatement(closing, 'Close me');
        const id = voteId();
        expect((await vote(closing.participants[0], closing.sessionId, s, 1, id)).statusCode).toBe(
          201,
        );
        await closing.organiser.request('POST', `/api/v1/sessions/${closing.sessionId}/close`);
        expect((await vote(closing.participants[0], closing.sessionId, s, 1, id)).statusCode).toBe(
          200,
        );
        const fresh = await vote(closing.participants[0], closing.sessionId, s, -1);
        expect(fresh.statusCode).toBe(409);
        expect(fresh.json().detail).toMatch(/closed/);
      });
    });

    describe('#votes.mine', () => {
      it("shows only the voter's own votes", async () => {
        const items = (await myVotes(0)).json().items as Array<{ statementId: string }>;
        expect(items.length).toBeGreaterThan(0);
        const others = (await myVotes(1)).json().items as Array<{ clientVoteId: string }>;
        expect(items.map((v) => JSON.stringify(v))).not.toEqual(
          expect.arrayContaining(others.map((v) => JSON.stringify(v))),
        );
      });
      it('answers 404 to the public and 403 to a sponsor', async () => {
        expect(
          (await publicClient(t).request('GET', `/api/v1/sessions/${room.sessionId}/my-votes`))
            .statusCode,
        ).toBe(404);
        expect(
          (await room.sponsor.request('GET', `/api/v1/sessions/${room.sessionId}/my-votes`))
            .statusCode,
        ).toBe(403);
      });
    });

    describe('#votes.next', () => {
      it('offers unvoted approved statements, then says honestly that nothing is left', async () => {
        const fresh = await buildRoom(t, { participants: 1 });
        const ids = [
          await seedStatement(fresh, 'One'),
          await seedStatement(fresh, 'Two'),
          await seedStatement(fresh, 'Three'),
        ];
        const p = fresh.participants[0];
        const seen: string[] = [];
        for (let i = 0; i < 3; i++) {
          const next = await p.client.request('GET', `/api/v1/sessions/${fresh.sessionId}/next`);
          expect(next.statusCode).toBe(200);
          expect(next.json()).toMatchObject({ done: false, remaining: 3 - i });
          seen.push(next.json().statement.id);
          await vote(p, fresh.sessionId, next.json().statement.id, 1);
        }
        expect(seen.sort()).toEqual([...ids].sort());
        const done = await p.client.request('GET', `/api/v1/sessions/${fresh.sessionId}/next`);
        expect(done.json()).toEqual({
          done: true,
          message: expect.stringMatching(/^Nothing left to vote on/),
        });
      });
      it('follows the routing priority of the stored analysis', async () => {
        const routed = await buildRoom(t, { participants: 1 });
        const low = await seedStatement(routed, 'Low priority');
        const high = await seedStatement(routed, 'High priority');
        const now = new Date().toISOString();
        await t.deps.db.kysely
          .insertInto('analysis_results')
          .values({
            session_id: routed.sessionId,
            computed_at: now,
            describes_until: now,
            vote_count: 0,
            result: JSON.stringify({ statements: { ids: [low, high] }, routing: [1e-9, 1e9] }),
            release_seq: 1,
            final: 0,
            released: '{}',
            summary: 'null',
          })
          .execute();
        for (let i = 0; i < 5; i++) {
          const next = await routed.participants[0].client.request(
            'GET',
            `/api/v1/sessions/${routed.sessionId}/next`,
          );
          expect(next.json().statement.id).toBe(high);
        }
      });
      it('is 404 for the public and 403 for an organiser without a seat', async () => {
        expect(
          (await publicClient(t).request('GET', `/api/v1/sessions/${room.sessionId}/next`))
            .statusCode,
        ).toBe(404);
        expect(
          (await room.organiser.request('GET', `/api/v1/sessions/${room.sessionId}/next`))
            .statusCode,
        ).toBe(403);
      });
    });
  });
}
