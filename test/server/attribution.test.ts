import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveHub } from '../../src/server/live/hub.ts';
import { createTestApp, publicClient, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildRoom, seedStatement, vote, type Room, type RoomMember } from '../support/room.ts';

const submit = (m: RoomMember, room: Room, text: string) =>
  m.client.request('POST', `/api/v1/sessions/${room.sessionId}/statements`, { kind: 'idea', text });
const approve = (room: Room, id: string) =>
  room.moderator.client.request('POST', `/api/v1/statements/${id}/moderation`, {
    action: 'approve',
  });

/** A hub that only records what would be pushed to the room. */
function recordingHub(): LiveHub & { published: Array<{ type: string; data: unknown }> } {
  const published: Array<{ type: string; data: unknown }> = [];
  return {
    published,
    async publish(_sessionId, event) {
      published.push(event);
    },
    votesChanged() {},
    releaseNow: async () => 'unchanged',
    publishAt() {},
    subscribe: () => () => {},
    status: async () => ({ worker: true, listening: null }),
    recomputations: { runs: 0, failures: 0 },
    async close() {},
  };
}

for (const dialect of testDialects()) {
  describe(`[${dialect}] attribution rules`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(() => t.close());

    it('names the author (honorific and full name) on the record', async () => {
      const room = await buildRoom(t, { rule: 'on_record', participants: 2 });
      const [author, reader] = room.participants;
      const id = (await submit(author, room, 'Reopen the consulates')).json().id;
      await approve(room, id);
      const seen = await reader.client.request('GET', `/api/v1/statements/${id}`);
      expect(seen.json()).toMatchObject({
        author: { name: `Dr. ${author.fullName}` },
        mine: false,
        quotable: true,
      });
      expect(JSON.stringify(seen.json())).not.toContain(author.userId);
      expect(JSON.stringify(seen.json())).not.toContain(author.email);
    });

    for (const rule of ['chatham_house', 'chatham_house_plus'] as const) {
      it(`seals the author from everyone under ${rule}, telling only the author it is theirs`, async () => {
        const room = await buildRoom(t, { rule, participants: 2 });
        const [author, reader] = room.participants;
        const id = (await submit(author, room, 'Joint glacier monitoring on the Siachen')).json()
          .id;
        await approve(room, id);
        for (const [who, client] of [
          ['reader', reader.client],
          ['moderator', room.moderator.client],
          ['organiser', room.organiser],
          ['admin', room.admin],
        ] as const) {
          const body = (await client.request('GET', `/api/v1/statements/${id}`)).body;
          for (const secret of [
            author.userId,
            author.personId,
            author.participationId,
            author.fullName,
            author.email,
          ]) {
            expect(body, `${who} saw ${secret}`).not.toContain(secret);
          }
          expect(JSON.parse(body)).toMatchObject({
            author: null,
            mine: false,
            quotable: rule === 'chatham_house',
          });
        }
        expect(
          (await author.client.request('GET', `/api/v1/statements/${id}`)).json(),
        ).toMatchObject({ mine: true, author: null });
      });
    }

    it('lets only an admin reveal a sealed author, with a reason, audited', async () => {
      const room = await buildRoom(t, { rule: 'chatham_house', participants: 1 });
      const [author] = room.participants;
      const id = (await submit(author, room, 'An abusive remark')).json().id;
      const url = `/api/v1/statements/${id}/reveal-author`;
      expect((await publicClient(t).request('POST', url, { reason: 'abuse' })).statusCode).toBe(
        404,
      );
      expect((await room.organiser.request('POST', url, { reason: 'abuse' })).statusCode).toBe(403);
      expect(
        (await room.moderator.client.request('POST', url, { reason: 'abuse' })).statusCode,
      ).toBe(403);
      const noReason = await room.admin.request('POST', url, {});
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().errors[0].field).toBe('body.reason');
      const res = await room.admin.request('POST', url, {
        reason: 'Reported as abusive by the chair',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().author).toMatchObject({
        userId: author.userId,
        email: author.email,
        personName: `Dr. ${author.fullName}`,
      });
      const entry = await t.deps.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'statement.reveal_author')
        .where('resource_id', '=', id)
        .executeTakeFirst();
      expect(entry).toMatchObject({ series_id: room.seriesId });
      expect(JSON.parse(entry!.detail).reason).toBe('Reported as abusive by the chair');
    });

    it('captures nothing off the record: statements and votes are refused (409), even from organisers', async () => {
      const room = await buildRoom(t, { rule: 'off_record', participants: 1 });
      for (const client of [room.organiser, room.participants[0].client]) {
        const res = await client.request('POST', `/api/v1/sessions/${room.sessionId}/statements`, {
          kind: 'idea',
          text: 'Said in confidence',
        });
        expect(res.statusCode).toBe(409);
        expect(res.json().detail).toMatch(/off the record/);
      }
      const count = await t.deps.db.kysely
        .selectFrom('statements')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('session_id', '=', room.sessionId)
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
      const next = await room.participants[0].client.request(
        'GET',
        `/api/v1/sessions/${room.sessionId}/next`,
      );
      expect(next.json()).toMatchObject({
        done: true,
        message: expect.stringMatching(/off the record/),
      });
    });

    it('refuses votes once a session has been switched off the record', async () => {
      const room = await buildRoom(t, { rule: 'chatham_house', participants: 1 });
      const id = await seedStatement(room, 'Before the switch');
      await t.deps.db.kysely
        .updateTable('sessions')
        .set({ attribution_rule: 'off_record' })
        .where('id', '=', room.sessionId)
        .execute();
      const res = await vote(room.participants[0], room.sessionId, id, 1);
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toMatch(/off the record/);
    });

    it('pushes no author or voter identity to the room', async () => {
      const hub = recordingHub();
      const realHub = t.deps.live;
      t.deps.live = hub;
      try {
        const room = await buildRoom(t, { rule: 'chatham_house', participants: 2 });
        const [author, voter] = room.participants;
        const id = (await submit(author, room, 'Cricket diplomacy, again')).json().id;
        await approve(room, id);
        await vote(voter, room.sessionId, id, 1);
        await room.moderator.client.request('POST', `/api/v1/statements/${id}/moderation`, {
          action: 'edit',
          text: 'Cricket diplomacy again',
          reason: 'style',
        });
        await room.organiser.request('POST', `/api/v1/sessions/${room.sessionId}/close`);
        expect(hub.published.map((e) => e.type)).toEqual(
          expect.arrayContaining(['statement', 'moderation-queue', 'session']),
        );
        const pushed = JSON.stringify(hub.published);
        for (const m of [author, voter, room.moderator]) {
          for (const secret of [m.userId, m.personId, m.participationId, m.fullName, m.email])
            expect(pushed).not.toContain(secret);
        }
      } finally {
        t.deps.live = realHub;
      }
    });
  });
}
