import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildRoom, seedStatement, vote, voteId, type Room } from '../support/room.ts';

/**
 * Votes sent at the same moment share one INSERT (repositories/votes.batch.ts). These send them
 * together (Promise.all: every request is parsed before the batch is written) and check that
 * sharing never changes an answer: each vote gets the status it would get alone.
 */
for (const dialect of testDialects()) {
  describe(`[${dialect}] votes cast at the same moment`, () => {
    let t: TestApp;
    let room: Room;
    let other: Room;
    let statements: string[];
    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
      room = await buildRoom(t, { participants: 12 });
      other = await buildRoom(t, { participants: 1 });
      statements = [];
      for (const text of ['Open a hotline', 'Joint water data', 'Visa easing', 'Trade at Wagah'])
        statements.push(await seedStatement(room, text));
    });
    afterAll(() => t.close());
    const stored = (clientVoteIds: string[]) =>
      t.deps.db.kysely
        .selectFrom('votes')
        .select(['client_vote_id', 'value'])
        .where('client_vote_id', 'in', clientVoteIds)
        .execute();

    it('stores every one of many first votes, each answered 201', async () => {
      const ids = room.participants.flatMap(() => statements.map(() => voteId()));
      const answers = await Promise.all(
        room.participants.flatMap((p, i) =>
          statements.map((s, j) =>
            vote(
              p,
              room.sessionId,
              s,
              ([1, -1, 0] as const)[(i + j) % 3],
              ids[i * statements.length + j],
            ),
          ),
        ),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(ids.map(() => 201));
      const rows = await stored(ids);
      expect(rows).toHaveLength(ids.length);
      expect(rows.find((r) => r.client_vote_id === ids[1])?.value).toBe(-1);
    });

    it('lets the later of two votes on one statement win when both arrive together', async () => {
      const [p] = room.participants;
      const s = await seedStatement(room, 'Cricket in both capitals');
      const [first, second] = [voteId(), voteId()];
      const answers = await Promise.all([
        vote(p, room.sessionId, s, 1, first),
        vote(p, room.sessionId, s, -1, second),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
      const current = await t.deps.db.kysely
        .selectFrom('votes')
        .select(['client_vote_id', 'value'])
        .where('statement_id', '=', s)
        .execute();
      expect(current).toEqual([{ client_vote_id: second, value: -1 }]);
      // The earlier id is kept as superseded, so its late retry is still recognised.
      const late = await vote(p, room.sessionId, s, 1, first);
      expect(late.statusCode).toBe(200);
      expect(late.json()).toMatchObject({ replayed: true, value: -1 });
    });

    it('counts a vote and its simultaneous retry once', async () => {
      const p = room.participants[1];
      const s = await seedStatement(room, 'Religious tourism corridors');
      const id = voteId();
      const answers = await Promise.all([
        vote(p, room.sessionId, s, 1, id),
        vote(p, room.sessionId, s, 1, id),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
      expect(answers.map((a) => a.json().replayed).sort()).toEqual([false, true]);
      expect(await stored([id])).toHaveLength(1);
    });

    it('answers each refused vote of a shared batch alone, and stores the others', async () => {
      const pending = (
        await room.participants[0].client.request(
          'POST',
          `/api/v1/sessions/${room.sessionId}/statements`,
          { kind: 'idea', text: 'A pending idea' },
        )
      ).json().id;
      const fresh = await seedStatement(room, 'Student exchanges');
      const good = [voteId(), voteId()];
      const answers = await Promise.all([
        vote(room.participants[2], room.sessionId, fresh, 1, good[0]),
        vote(room.participants[3], room.sessionId, pending, 1),
        vote(other.participants[0], room.sessionId, fresh, 1),
        vote(room.participants[4], room.sessionId, voteId(), 1), // no such statement
        vote(room.participants[5], room.sessionId, fresh, -1, good[1]),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([201, 409, 403, 404, 201]);
      expect((await stored(good)).map((r) => r.value).sort()).toEqual([-1, 1]);
    });
  });
}
