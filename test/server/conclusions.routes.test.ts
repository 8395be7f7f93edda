import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publicClient, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildOutcomesRoom, type OutcomesRoom } from './outcomes.fixture.ts';

for (const dialect of testDialects()) {
  describe(`[${dialect}] agreed conclusions`, () => {
    let t: TestApp;
    let room: OutcomesRoom;
    let url: string;

    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
      room = await buildOutcomesRoom(t);
      url = `/api/v1/rounds/${room.roundId}/conclusions`;
    });
    afterAll(() => t.close());

    it('is drafted by rapporteurs from version 0, with a stale base refused (409 with the current text)', async () => {
      const [first, second] = room.rapporteurs;
      expect((await first.client.request('GET', url)).statusCode).toBe(404);
      const draft = await first.client.request('PUT', url, {
        baseVersion: 0,
        body: 'Continuity of engagement at multiple levels.',
      });
      expect(draft.statusCode, draft.body).toBe(200);
      expect(draft.json()).toMatchObject({ version: 1, frozenAt: null });
      expect(draft.json().endorsements.map((e: { endorsed: boolean }) => e.endorsed)).toEqual([
        false,
        false,
      ]);
      const stale = await second.client.request('PUT', url, {
        baseVersion: 0,
        body: 'Something else.',
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().current).toEqual({
        version: 1,
        body: 'Continuity of engagement at multiple levels.',
      });
      // Participants read; delegates cannot write or endorse; sponsors 403; the public 404.
      expect((await room.participants[0].client.request('GET', url)).statusCode).toBe(200);
      expect(
        (await room.participants[0].client.request('PUT', url, { baseVersion: 1, body: 'x' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await room.participants[0].client.request('POST', `${url}/endorsements`, { version: 1 }))
          .statusCode,
      ).toBe(403);
      expect((await room.sponsor.request('GET', url)).statusCode).toBe(403);
      expect((await publicClient(t).request('GET', url)).statusCode).toBe(404);
    });

    it('counts an endorsement for the version endorsed only: an edit needs endorsing again', async () => {
      const [headA, headB] = room.heads;
      const endorsed = await headA.client.request('POST', `${url}/endorsements`, { version: 1 });
      expect(endorsed.statusCode, endorsed.body).toBe(201);
      expect(
        endorsed
          .json()
          .endorsements.find(
            (e: { delegationId: string }) => e.delegationId === room.delegationIds[0],
          ).endorsed,
      ).toBe(true);
      const edited = await room.rapporteurs[0].client.request('PUT', url, {
        baseVersion: 1,
        body: 'Continuity of engagement between the two countries at multiple levels.',
      });
      expect(edited.json().version).toBe(2);
      expect(edited.json().endorsements.every((e: { endorsed: boolean }) => !e.endorsed)).toBe(
        true,
      );
      // Endorsing a version one has not read: 409 naming the field.
      const old = await headB.client.request('POST', `${url}/endorsements`, { version: 1 });
      expect(old.statusCode).toBe(409);
      expect(old.json().errors[0].field).toBe('body.version');
    });

    it('freezes the text once every delegation has endorsed it: editing an endorsed text is 409', async () => {
      const [headA, headB] = room.heads;
      expect(
        (await headA.client.request('POST', `${url}/endorsements`, { version: 2 })).json().frozenAt,
      ).toBeNull();
      const last = await headB.client.request('POST', `${url}/endorsements`, { version: 2 });
      expect(last.json().frozenAt).not.toBeNull();
      expect(last.json().endorsements.every((e: { endorsed: boolean }) => e.endorsed)).toBe(true);
      const edit = await room.organiser.request('PUT', url, {
        baseVersion: 2,
        body: 'A late change.',
      });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().detail).toMatch(/frozen/);
      const revisions = (await room.rapporteurs[1].client.request('GET', `${url}/revisions`)).json()
        .items;
      expect(revisions.map((r: { version: number }) => r.version)).toEqual([1, 2]);
      // Who endorsed is never shown, only which delegation.
      for (const head of room.heads) expect(last.body).not.toContain(head.userId);
    });

    it('names the missing field of a bad body', async () => {
      const res = await room.organiser.request('PUT', url, { body: 'No base version' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('body.baseVersion');
    });
  });
}
