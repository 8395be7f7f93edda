import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publicClient, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  buildRoom,
  seedStatement,
  storedCounts,
  vote,
  voteId,
  type Room,
} from '../support/room.ts';

const fields = (res: { json(): { errors?: Array<{ field: string }> } }) =>
  (res.json().errors ?? []).map((e) => e.field);

for (const dialect of testDialects()) {
  describe(`[${dialect}] statements routes`, () => {
    let t: TestApp;
    let room: Room;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      room = await buildRoom(t, { rule: 'chatham_house', participants: 3 });
    });
    afterAll(() => t.close());
    const url = () => `/api/v1/sessions/${room.sessionId}/statements`;

    describe('#statements.create', () => {
      it('seeds an approved statement as an organiser', async () => {
        const res = await room.organiser.request('POST', url(), {
          kind: 'mechanism',
          text: '  A joint hotline between the two militaries  ',
          translation: 'دونوں افواج کے درمیان ہاٹ لائن',
          language: 'en',
        });
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({
          origin: 'seeded',
          status: 'approved',
          text: 'A joint hotline between the two militaries',
          mine: true,
          author: null,
          quotable: true,
        });
      });
      it('puts a participant submission into the moderation queue', async () => {
        const res = await room.participants[0].client.request('POST', url(), {
          kind: 'concern',
          text: 'Visa delays block academic exchange',
        });
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({
          origin: 'submitted',
          status: 'pending',
          mine: true,
          author: null,
        });
      });
      it('refuses empty text and text over 1000 characters, naming the field', async () => {
        for (const text of ['', '   ', 'x'.repeat(1001)]) {
          const res = await room.participants[0].client.request('POST', url(), {
            kind: 'idea',
            text,
          });
          expect(res.statusCode).toBe(400);
          expect(fields(res)).toContain('body.text');
        }
        const ok = await room.organiser.request('POST', url(), {
          kind: 'idea',
          text: 'y'.repeat(1000),
        });
        expect(ok.statusCode).toBe(201);
      });
      it('refuses an unknown kind and unknown fields', async () => {
        const res = await room.organiser.request('POST', url(), {
          kind: 'rant',
          text: 'x',
          author: 'someone',
        });
        expect(res.statusCode).toBe(400);
        expect(fields(res)).toEqual(expect.arrayContaining(['body.kind']));
      });
      it('stores HTML and script as plain text', async () => {
        const text = '<script>alert("x")</script><img src=x onerror=alert(1)>';
        const res = await room.organiser.request('POST', url(), { kind: 'idea', text });
        expect(res.statusCode).toBe(201);
        expect(res.headers['content-type']).toContain('application/json');
        const got = await room.participants[1].client.request(
          'GET',
          `/api/v1/statements/${res.json().id}`,
        );
        expect(got.json().text).toBe(text);
      });
      it('answers 401 to the public, 403 to a sponsor and to someone outside the round', async () => {
        expect(
          (await publicClient(t).request('POST', url(), { kind: 'idea', text: 'x' })).statusCode,
        ).toBe(401);
        expect(
          (await room.sponsor.request('POST', url(), { kind: 'idea', text: 'x' })).statusCode,
        ).toBe(403);
        expect(
          (await room.outsider.request('POST', url(), { kind: 'idea', text: 'x' })).statusCode,
        ).toBe(403);
      });
      it('answers 404 for an unknown session', async () => {
        expect(
          (
            await room.organiser.request('POST', '/api/v1/sessions/nope/statements', {
              kind: 'idea',
              text: 'x',
            })
          ).statusCode,
        ).toBe(404);
      });
      it('rate-limits a flood of submissions from one participant with a clear message', async () => {
        const flooder = room.participants[2].client;
        const codes: number[] = [];
        for (let i = 0; i < 11; i++)
          codes.push(
            (await flooder.request('POST', url(), { kind: 'question', text: `Question ${i}` }))
              .statusCode,
          );
        expect(codes.slice(0, 10).every((c) => c === 201)).toBe(true);
        const res = await flooder.request('POST', url(), { kind: 'question', text: 'one more' });
        expect(res.statusCode).toBe(429);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.headers['retry-after']).toBeDefined();
        expect(res.json().detail).toMatch(/10 a minute/);
        // Keyed by user, not address: another participant on the same address is unaffected.
        expect(
          (
            await room.participants[1].client.request('POST', url(), {
              kind: 'idea',
              text: 'Still allowed',
            })
          ).statusCode,
        ).toBe(201);
      });
    });

    describe('#statements.list', () => {
      it('shows participants approved statements and their own, moderators the whole queue', async () => {
        const mine = await room.participants[0].client.request('GET', `${url()}?limit=200`);
        expect(mine.statusCode).toBe(200);
        const statuses = mine
          .json()
          .items.map((s: { status: string; mine: boolean }) => `${s.status}:${s.mine}`);
        expect(statuses).toContain('pending:true');
        expect(
          statuses.filter((s: string) => s.startsWith('pending') && s.endsWith('false')),
        ).toEqual([]);
        const queue = await room.moderator.client.request(
          'GET',
          `${url()}?status=pending&limit=200`,
        );
        expect(queue.statusCode).toBe(200);
        expect(queue.json().items.length).toBeGreaterThanOrEqual(11);
        expect(queue.json().items.every((s: { status: string }) => s.status === 'pending')).toBe(
          true,
        );
      });
      it('answers 404 to the public and 403 to a sponsor', async () => {
        expect((await publicClient(t).request('GET', url())).statusCode).toBe(404);
        expect((await room.sponsor.request('GET', url())).statusCode).toBe(403);
      });
      it('refuses a bad status filter', async () => {
        const res = await room.organiser.request('GET', `${url()}?status=hidden`);
        expect(res.statusCode).toBe(400);
        expect(fields(res)).toContain('query.status');
      });
    });

    describe('#statements.get and #statements.patch', () => {
      it("hides another participant's pending statement", async () => {
        const own = await room.participants[0].client.request('POST', url(), {
          kind: 'idea',
          text: 'Not yet approved',
        });
        expect(
          (await room.participants[1].client.request('GET', `/api/v1/statements/${own.json().id}`))
            .statusCode,
        ).toBe(404);
        expect(
          (await room.moderator.client.request('GET', `/api/v1/statements/${own.json().id}`))
            .statusCode,
        ).toBe(200);
      });
      it('lets the author correct a pending statement and keeps the earlier wording', async () => {
        const author = room.participants[0].client;
        const created = await author.request('POST', url(), {
          kind: 'idea',
          text: 'Trade trough Wagah',
        });
        const id = created.json().id;
        const fixed = await author.request('PATCH', `/api/v1/statements/${id}`, {
          text: 'Trade through Wagah',
        });
        expect(fixed.statusCode).toBe(200);
        expect(fixed.json().text).toBe('Trade through Wagah');
        expect(fixed.json().history).toEqual([
          expect.objectContaining({
            text: 'Trade trough Wagah',
            reason: 'corrected by the author',
          }),
        ]);
        expect(
          (
            await room.participants[1].client.request('PATCH', `/api/v1/statements/${id}`, {
              text: 'hijack',
            })
          ).statusCode,
        ).toBe(404);
        expect((await author.request('PATCH', `/api/v1/statements/${id}`, {})).statusCode).toBe(
          400,
        );
        await room.moderator.client.request('POST', `/api/v1/statements/${id}/moderation`, {
          action: 'approve',
        });
        const late = await author.request('PATCH', `/api/v1/statements/${id}`, {
          text: 'Trade via Wagah',
        });
        expect(late.statusCode).toBe(409);
      });
    });

    describe('#statements.moderation', () => {
      const moderate = (id: string, body: object) =>
        room.moderator.client.request('POST', `/api/v1/statements/${id}/moderation`, body);
      it('approves, and rejects only with a reason the author can read', async () => {
        const a = (
          await room.participants[1].client.request('POST', url(), {
            kind: 'idea',
            text: 'Approve me',
          })
        ).json().id;
        expect((await moderate(a, { action: 'approve' })).json().status).toBe('approved');
        const b = (
          await room.participants[1].client.request('POST', url(), {
            kind: 'idea',
            text: 'Reject me',
          })
        ).json().id;
        const noReason = await moderate(b, { action: 'reject' });
        expect(noReason.statusCode).toBe(400);
        expect(fields(noReason)).toContain('body.reason');
        expect((await moderate(b, { action: 'reject', reason: 'Off topic' })).json()).toMatchObject(
          { status: 'rejected', rejectionReason: 'Off topic' },
        );
        const seen = await room.participants[1].client.request('GET', `/api/v1/statements/${b}`);
        expect(seen.json()).toMatchObject({
          status: 'rejected',
          rejectionReason: 'Off topic',
          mine: true,
        });
        expect(
          (await room.participants[0].client.request('GET', `/api/v1/statements/${b}`)).statusCode,
        ).toBe(404);
      });
      it('refuses an unknown action and forbids participants from moderating', async () => {
        const id = await seedStatement(room, 'Moderate me');
        const bad = await moderate(id, { action: 'delete' });
        expect(bad.statusCode).toBe(400);
        expect(fields(bad)).toContain('body.action');
        expect(
          (
            await room.participants[0].client.request(
              'POST',
              `/api/v1/statements/${id}/moderation`,
              { action: 'approve' },
            )
          ).statusCode,
        ).toBe(403);
      });
      it('edits with history kept, visible to moderators but not naming the editor', async () => {
        const id = await seedStatement(room, 'Kashmir dialouge');
        const res = await moderate(id, {
          action: 'edit',
          text: 'Kashmir dialogue',
          reason: 'typo',
        });
        expect(res.statusCode).toBe(200);
        expect(res.json().text).toBe('Kashmir dialogue');
        expect(res.json().history).toEqual([
          {
            text: 'Kashmir dialouge',
            translation: '',
            reason: 'typo',
            replacedAt: expect.any(String),
          },
        ]);
        expect(
          (await room.participants[0].client.request('GET', `/api/v1/statements/${id}`)).json()
            .history,
        ).toBeUndefined();
      });
      it('merges a duplicate: its votes move to the target unless the voter already voted there', async () => {
        const [p0, p1, p2] = room.participants;
        const target = await seedStatement(room, 'Open the Kartarpur corridor wider');
        const duplicate = await seedStatement(room, 'Widen the Kartarpur corridor');
        expect((await vote(p0, room.sessionId, duplicate, 1)).statusCode).toBe(201);
        const p1OnDuplicate = voteId();
        expect((await vote(p1, room.sessionId, duplicate, -1, p1OnDuplicate)).statusCode).toBe(201);
        expect((await vote(p1, room.sessionId, target, 1)).statusCode).toBe(201);
        expect((await vote(p2, room.sessionId, target, 0)).statusCode).toBe(201);
        const res = await moderate(duplicate, { action: 'merge', intoId: target });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({
          status: 'merged',
          mergedIntoId: target,
        });
        expect(await storedCounts(t, duplicate)).toEqual({ agree: 0, disagree: 0, pass: 0 });
        // p0's agree moved; p1 keeps the agree already cast on the target; p2's pass stays.
        expect(await storedCounts(t, target)).toEqual({ agree: 2, disagree: 0, pass: 1 });
        const p0Votes = (
          await p0.client.request('GET', `/api/v1/sessions/${room.sessionId}/my-votes`)
        ).json().items;
        expect(p0Votes.find((v: { statementId: string }) => v.statementId === target)?.value).toBe(
          1,
        );
        expect((await vote(p2, room.sessionId, duplicate, 1)).statusCode).toBe(409);
        // A late retry of p1's dropped vote on the duplicate is recognised: p1's vote on the target stands.
        const late = await vote(p1, room.sessionId, duplicate, -1, p1OnDuplicate);
        expect(late.statusCode).toBe(200);
        expect(late.json()).toMatchObject({ statementId: target, value: 1, replayed: true });
      });
      it('refuses to merge into itself, into another session, or a statement twice', async () => {
        const a = await seedStatement(room, 'Merge A');
        const self = await moderate(a, { action: 'merge', intoId: a });
        expect(self.statusCode).toBe(400);
        expect(fields(self)).toContain('body.intoId');
        expect(
          (await moderate(a, { action: 'merge', intoId: 'no-such-statement' })).statusCode,
        ).toBe(400);
        const b = await seedStatement(room, 'Merge B');
        expect((await moderate(a, { action: 'merge', intoId: b })).statusCode).toBe(200);
        expect((await moderate(a, { action: 'merge', intoId: b })).statusCode).toBe(409);
      });
    });

    describe('#statements.order', () => {
      let order: Room;
      const orderUrl = () => `/api/v1/sessions/${order.sessionId}/statement-order`;
      const approvedTexts = async () =>
        (
          await order.participants[0].client.request(
            'GET',
            `/api/v1/sessions/${order.sessionId}/statements?limit=200`,
          )
        )
          .json()
          .items.filter((s: { status: string }) => s.status === 'approved')
          .map((s: { text: string }) => s.text);
      beforeAll(async () => {
        order = await buildRoom(t, { rule: 'chatham_house', participants: 1 });
      });
      it('stores the new order, which the statements list then follows', async () => {
        const [a, b, c] = [
          await seedStatement(order, 'First'),
          await seedStatement(order, 'Second'),
          await seedStatement(order, 'Third'),
        ];
        expect(await approvedTexts()).toEqual(['First', 'Second', 'Third']);
        const res = await order.moderator.client.request('PUT', orderUrl(), {
          statementIds: [c, a, b],
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({ statementIds: [c, a, b] });
        expect(await approvedTexts()).toEqual(['Third', 'First', 'Second']);
        // Pushed live as the order only: no identities.
        const pushed = await t.deps.db.kysely
          .selectFrom('live_events')
          .select('payload')
          .where('session_id', '=', order.sessionId)
          .where('type', '=', 'statement-order')
          .execute();
        expect(pushed.map((e) => JSON.parse(e.payload))).toEqual([
          expect.objectContaining({ statementIds: [c, a, b] }),
        ]);
        expect(
          (await order.organiser.request('PUT', orderUrl(), { statementIds: [a, c, b] }))
            .statusCode,
        ).toBe(200);
        expect(await approvedTexts()).toEqual(['First', 'Third', 'Second']);
      });
      it('puts a statement approved after a reorder at the end of the order', async () => {
        const own = await buildRoom(t, { rule: 'chatham_house', participants: 1 });
        const [a, b] = [await seedStatement(own, 'Alpha'), await seedStatement(own, 'Beta')];
        const submitted = (
          await own.participants[0].client.request(
            'POST',
            `/api/v1/sessions/${own.sessionId}/statements`,
            { kind: 'idea', text: 'Gamma' },
          )
        ).json().id;
        expect(
          (
            await own.moderator.client.request(
              'PUT',
              `/api/v1/sessions/${own.sessionId}/statement-order`,
              { statementIds: [b, a] },
            )
          ).statusCode,
        ).toBe(200);
        expect(
          (
            await own.moderator.client.request(
              'POST',
              `/api/v1/statements/${submitted}/moderation`,
              { action: 'approve' },
            )
          ).statusCode,
        ).toBe(200);
        const texts = (
          await own.participants[0].client.request(
            'GET',
            `/api/v1/sessions/${own.sessionId}/statements?limit=200`,
          )
        )
          .json()
          .items.map((x: { text: string }) => x.text);
        expect(texts).toEqual(['Beta', 'Alpha', 'Gamma']);
      });
      it('refuses a list that is not exactly the approved statements, naming body.statementIds', async () => {
        const approved = (
          await order.moderator.client.request(
            'GET',
            `/api/v1/sessions/${order.sessionId}/statements?status=approved&limit=200`,
          )
        )
          .json()
          .items.map((s: { id: string }) => s.id);
        const pending = (
          await order.participants[0].client.request(
            'POST',
            `/api/v1/sessions/${order.sessionId}/statements`,
            { kind: 'idea', text: 'Waiting' },
          )
        ).json().id;
        const elsewhere = await seedStatement(room, 'In another session');
        const cases: Array<[unknown, RegExp]> = [
          [[...approved, approved[0]], /twice/],
          [approved.slice(1), /must list all 3/],
          [[...approved, pending], /not an approved statement/],
          [[...approved.slice(1), elsewhere], /not an approved statement/],
          [[...approved, 'no-such-statement'], /not an approved statement/],
          ['not a list', /array/],
        ];
        for (const [statementIds, message] of cases) {
          const res = await order.moderator.client.request('PUT', orderUrl(), { statementIds });
          expect(res.statusCode, JSON.stringify(statementIds)).toBe(400);
          expect(fields(res)).toContain('body.statementIds');
          expect(JSON.stringify(res.json().errors)).toMatch(message);
        }
        expect((await order.moderator.client.request('PUT', orderUrl(), {})).statusCode).toBe(400);
        expect(await approvedTexts()).toEqual(['First', 'Third', 'Second']);
      });
      it('answers 403 to a participant and a sponsor, 404 to the public and for an unknown session', async () => {
        const approved = (
          await order.moderator.client.request(
            'GET',
            `/api/v1/sessions/${order.sessionId}/statements?status=approved&limit=200`,
          )
        )
          .json()
          .items.map((s: { id: string }) => s.id);
        const body = { statementIds: [...approved].reverse() };
        expect(
          (await order.participants[0].client.request('PUT', orderUrl(), body)).statusCode,
        ).toBe(403);
        expect((await order.sponsor.request('PUT', orderUrl(), body)).statusCode).toBe(403);
        expect((await publicClient(t).request('PUT', orderUrl(), body)).statusCode).toBe(404);
        expect(
          (
            await order.moderator.client.request(
              'PUT',
              '/api/v1/sessions/nope/statement-order',
              body,
            )
          ).statusCode,
        ).toBe(404);
        expect(await approvedTexts()).toEqual(['First', 'Third', 'Second']);
      });
      it('answers 409 once the session is closed', async () => {
        const approved = (
          await order.moderator.client.request(
            'GET',
            `/api/v1/sessions/${order.sessionId}/statements?status=approved&limit=200`,
          )
        )
          .json()
          .items.map((s: { id: string }) => s.id);
        expect(
          (
            await order.moderator.client.request(
              'POST',
              `/api/v1/sessions/${order.sessionId}/close`,
            )
          ).statusCode,
        ).toBe(200);
        const res = await order.moderator.client.request('PUT', orderUrl(), {
          statementIds: [...approved].reverse(),
        });
        expect(res.statusCode).toBe(409);
        expect(res.json().detail).toMatch(/closed/);
      });
    });

    describe('closing a session', () => {
      it('freezes statements, votes and moderation, and only moderators and organisers open or close', async () => {
        const frozen = await buildRoom(t, { rule: 'chatham_house', participants: 1 });
        const pending = (
          await frozen.participants[0].client.request(
            'POST',
            `/api/v1/sessions/${frozen.sessionId}/statements`,
            { kind: 'idea', text: 'Late idea' },
          )
        ).json().id;
        const approved = await seedStatement(frozen, 'Seeded before closing');
        expect(
          (
            await frozen.participants[0].client.request(
              'POST',
              `/api/v1/sessions/${frozen.sessionId}/close`,
            )
          ).statusCode,
        ).toBe(403);
        expect(
          (await publicClient(t).request('POST', `/api/v1/sessions/${frozen.sessionId}/close`))
            .statusCode,
        ).toBe(401);
        const closed = await frozen.moderator.client.request(
          'POST',
          `/api/v1/sessions/${frozen.sessionId}/close`,
        );
        expect(closed.statusCode).toBe(200);
        expect(closed.json().status).toBe('closed');
        const post = await frozen.organiser.request(
          'POST',
          `/api/v1/sessions/${frozen.sessionId}/statements`,
          { kind: 'idea', text: 'Too late' },
        );
        expect(post.statusCode).toBe(409);
        expect(post.json().detail).toMatch(/closed/);
        expect(
          (
            await frozen.moderator.client.request(
              'POST',
              `/api/v1/statements/${pending}/moderation`,
              { action: 'approve' },
            )
          ).statusCode,
        ).toBe(409);
        expect(
          (
            await frozen.participants[0].client.request('PATCH', `/api/v1/statements/${pending}`, {
              text: 'Late idea!',
            })
          ).statusCode,
        ).toBe(409);
        expect((await vote(frozen.participants[0], frozen.sessionId, approved, 1)).statusCode).toBe(
          409,
        );
        const reopened = await frozen.organiser.request(
          'POST',
          `/api/v1/sessions/${frozen.sessionId}/open`,
        );
        expect(reopened.json().status).toBe('open');
        expect((await vote(frozen.participants[0], frozen.sessionId, approved, 1)).statusCode).toBe(
          201,
        );
      });
      it('takes no participant statements or votes before the session opens', async () => {
        const early = await buildRoom(t, { status: 'scheduled', participants: 1 });
        const seeded = await seedStatement(early, 'Prepared in advance');
        const res = await early.participants[0].client.request(
          'POST',
          `/api/v1/sessions/${early.sessionId}/statements`,
          { kind: 'idea', text: 'Too early' },
        );
        expect(res.statusCode).toBe(409);
        expect(res.json().detail).toMatch(/not opened/);
        expect((await vote(early.participants[0], early.sessionId, seeded, 1)).statusCode).toBe(
          409,
        );
      });
    });
  });
}
