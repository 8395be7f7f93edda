import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publicClient, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildPerson, buildSession, buildUser } from '../support/factories.ts';
import { roomClient } from '../support/room.ts';
import {
  buildOutcomesRoom,
  everyoneVotes,
  identities,
  seed,
  storeAnalysis,
  type OutcomesRoom,
} from './outcomes.fixture.ts';

for (const dialect of testDialects()) {
  describe(`[${dialect}] the rapporteur's workbench`, () => {
    let t: TestApp;
    let room: OutcomesRoom;
    let hotline: string;
    let items: string;

    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
      room = await buildOutcomesRoom(t);
      hotline = await seed(
        room,
        room.sessionId,
        'Open a military hotline between the two capitals',
      );
      // Delegation A agrees, B disagrees: a divergence the evidence must capture.
      await everyoneVotes(room, room.sessionId, hotline, 1, -1);
      await storeAnalysis(t, room.sessionId);
      items = `/api/v1/rounds/${room.roundId}/outcome-items`;
    });
    afterAll(() => t.close());

    it('ties an item to its session and freezes the evidence figures as they stood (aggregates only)', async () => {
      const [rapporteur] = room.rapporteurs;
      const res = await rapporteur.client.request('POST', items, {
        sessionId: room.sessionId,
        type: 'area_of_divergence',
        title: 'Hotline',
        body: 'Views differ on a *hotline*.',
        statementIds: [hotline],
      });
      expect(res.statusCode, res.body).toBe(201);
      const item = res.json();
      expect(item).toMatchObject({
        type: 'area_of_divergence',
        sessionId: room.sessionId,
        version: 1,
        visibility: 'draft',
      });
      const [evidence] = item.evidence;
      expect(evidence).toMatchObject({
        statementId: hotline,
        quotable: true,
        figures: { agree: 3, disagree: 3, pass: 0 },
      });
      const shares = Object.fromEntries(
        evidence.figures.delegations.map((d: { delegationId: string; agreeShare: number }) => [
          d.delegationId,
          d.agreeShare,
        ]),
      );
      expect(shares[room.delegationIds[0]]).toBeGreaterThan(0.5);
      expect(shares[room.delegationIds[1]]).toBeLessThan(0.5);
      expect(evidence.figures.classification).not.toBeNull();
      for (const secret of identities(room)) expect(res.body).not.toContain(secret);

      // Later votes change the live figures, never the evidence already cited.
      await everyoneVotes(room, room.sessionId, hotline, 1, 1);
      await storeAnalysis(t, room.sessionId);
      const again = (
        await rapporteur.client.request('GET', `/api/v1/outcome-items/${item.id}`)
      ).json();
      expect(again.evidence[0].figures).toEqual(evidence.figures);
    });

    it('never overwrites a concurrent edit: the stale one gets 409 with the current text and version', async () => {
      const [first, second] = room.rapporteurs;
      const item = (
        await first.client.request('POST', items, {
          sessionId: room.sessionId,
          type: 'idea',
          title: 'Visas',
          body: 'Ease visas.',
        })
      ).json();
      const a = await first.client.request('PATCH', `/api/v1/outcome-items/${item.id}`, {
        baseVersion: 1,
        body: 'Ease visas for scholars.',
      });
      expect(a.statusCode, a.body).toBe(200);
      expect(a.json().version).toBe(2);
      const b = await second.client.request('PATCH', `/api/v1/outcome-items/${item.id}`, {
        baseVersion: 1,
        body: 'Ease visas for journalists.',
      });
      expect(b.statusCode).toBe(409);
      expect(b.json().current).toEqual({
        version: 2,
        title: 'Visas',
        body: 'Ease visas for scholars.',
      });
      expect(b.json().errors[0].field).toBe('body.baseVersion');
      // The second rapporteur merges and resends on the current version.
      const merged = await second.client.request('PATCH', `/api/v1/outcome-items/${item.id}`, {
        baseVersion: 2,
        body: 'Ease visas for scholars and journalists.',
      });
      expect(merged.statusCode).toBe(200);
      const history = (
        await first.client.request('GET', `/api/v1/outcome-items/${item.id}/revisions`)
      ).json().items;
      expect(history.map((r: { version: number; body: string }) => [r.version, r.body])).toEqual([
        [1, 'Ease visas.'],
        [2, 'Ease visas for scholars.'],
        [3, 'Ease visas for scholars and journalists.'],
      ]);
    });

    it('answers many simultaneous edits on one version with exactly one success', async () => {
      const [first, second] = room.rapporteurs;
      const item = (
        await first.client.request('POST', items, {
          sessionId: room.sessionId,
          type: 'idea',
          title: 'Trade',
          body: 'v1',
        })
      ).json();
      const results = await Promise.all(
        [first, second, first, second].map((r, i) =>
          r.client.request('PATCH', `/api/v1/outcome-items/${item.id}`, {
            baseVersion: 1,
            body: `edit ${i}`,
          }),
        ),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
      const revisions = (
        await first.client.request('GET', `/api/v1/outcome-items/${item.id}/revisions`)
      ).json().items;
      expect(revisions).toHaveLength(2);
    });

    it('shows participants only what is shared with them; moderators read, sponsors 403, the public 404', async () => {
      const [rapporteur] = room.rapporteurs;
      const item = (
        await rapporteur.client.request('POST', items, {
          sessionId: room.sessionId,
          type: 'mechanism',
          title: 'Joint commission',
          body: '',
        })
      ).json();
      const participant = room.participants[0].client;
      expect(
        (await participant.request('GET', `/api/v1/outcome-items/${item.id}`)).statusCode,
      ).toBe(404);
      expect(
        (await participant.request('GET', items)).json().items.map((i: { id: string }) => i.id),
      ).not.toContain(item.id);
      expect(
        (await room.moderator.client.request('GET', `/api/v1/outcome-items/${item.id}`)).statusCode,
      ).toBe(200);
      expect(
        (
          await room.moderator.client.request('PATCH', `/api/v1/outcome-items/${item.id}`, {
            baseVersion: 1,
            body: 'x',
          })
        ).statusCode,
      ).toBe(403);
      expect((await room.sponsor.request('GET', items)).statusCode).toBe(403);
      expect(
        (await publicClient(t).request('GET', `/api/v1/outcome-items/${item.id}`)).statusCode,
      ).toBe(404);

      const shared = await rapporteur.client.request(
        'POST',
        `/api/v1/outcome-items/${item.id}/visibility`,
        { visibility: 'participants' },
      );
      expect(shared.statusCode).toBe(200);
      expect(
        (await participant.request('GET', `/api/v1/outcome-items/${item.id}`)).statusCode,
      ).toBe(200);
      // Approving for publication is the organisers' call.
      expect(
        (
          await rapporteur.client.request('POST', `/api/v1/outcome-items/${item.id}/visibility`, {
            visibility: 'public',
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await room.organiser.request('POST', `/api/v1/outcome-items/${item.id}/visibility`, {
            visibility: 'public',
          })
        ).statusCode,
      ).toBe(200);
    });

    it("lets a session's named rapporteur write without a rapporteur participation", async () => {
      const db = t.deps.db.kysely;
      const person = await buildPerson(db, { full_name: 'Session Rapporteur' });
      const user = await buildUser(db, { person_id: person.id });
      const client = await roomClient(t, user.id);
      expect((await client.request('GET', items)).statusCode).toBe(403);
      await db
        .updateTable('sessions')
        .set({ rapporteur_person_id: person.id })
        .where('id', '=', room.sessionId)
        .execute();
      const res = await client.request('POST', items, {
        sessionId: room.sessionId,
        type: 'information_gap',
        title: 'Water data',
      });
      expect(res.statusCode, res.body).toBe(201);
    });

    it('refuses evidence from another session (400) and items of an off-the-record session (409)', async () => {
      const [rapporteur] = room.rapporteurs;
      const other = await buildSession(t.deps.db.kysely, {
        round_id: room.roundId,
        status: 'open',
        position: 2,
      });
      const bad = await rapporteur.client.request('POST', items, {
        sessionId: other.id,
        type: 'idea',
        title: 'X',
        statementIds: [hotline],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('body.statementIds.0');
      const offRecord = await buildSession(t.deps.db.kysely, {
        round_id: room.roundId,
        attribution_rule: 'off_record',
        position: 3,
      });
      const refused = await rapporteur.client.request('POST', items, {
        sessionId: offRecord.id,
        type: 'idea',
        title: 'X',
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().errors[0].field).toBe('body.sessionId');
      const noBase = await rapporteur.client.request(
        'PATCH',
        `/api/v1/outcome-items/${(await rapporteur.client.request('GET', items)).json().items[0].id}`,
        { body: 'x' },
      );
      expect(noBase.statusCode).toBe(400);
      expect(noBase.json().errors.map((e: { field: string }) => e.field)).toContain(
        'body.baseVersion',
      );
    });
  });

  describe(`[${dialect}] Chatham House Rule Plus on the workbench`, () => {
    let t: TestApp;
    let room: OutcomesRoom;
    const said =
      'The two governments should jointly monitor the western border crossings every month';

    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
      room = await buildOutcomesRoom(t, 'chatham_house_plus');
    });
    afterAll(() => t.close());

    it('marks its evidence not quotable, refuses an item that quotes it (409 naming the statement and the field) and an edit that does', async () => {
      const statement = await seed(room, room.sessionId, said);
      const [rapporteur] = room.rapporteurs;
      const url = `/api/v1/rounds/${room.roundId}/outcome-items`;
      // Case and whitespace do not disguise a quotation, nor does leaving out its end.
      const quoting = await rapporteur.client.request('POST', url, {
        sessionId: room.sessionId,
        type: 'recommendation',
        title: 'Border',
        body: `Participants said that THE two governments   should jointly monitor the western border.`,
        statementIds: [statement],
      });
      expect(quoting.statusCode).toBe(409);
      expect(quoting.json().errors[0]).toEqual({
        field: 'body.body',
        message:
          'reproduces statement 1 of session “What would reduce the risk of escalation?”: “THE two governments   should jointly monitor the western border”',
      });
      expect(quoting.json().quotation.statement.statementId).toBe(statement);

      const paraphrase = (
        await rapporteur.client.request('POST', url, {
          sessionId: room.sessionId,
          type: 'recommendation',
          title: 'Border',
          body: 'Joint monthly monitoring of the border crossings was proposed.',
          statementIds: [statement],
        })
      ).json();
      expect(paraphrase.evidence[0].quotable).toBe(false);
      expect(
        (
          await room.organiser.request(
            'POST',
            `/api/v1/outcome-items/${paraphrase.id}/visibility`,
            { visibility: 'public' },
          )
        ).statusCode,
      ).toBe(200);
      // An edit that quotes is refused, and the approved text stays as it was.
      const edited = await rapporteur.client.request(
        'PATCH',
        `/api/v1/outcome-items/${paraphrase.id}`,
        { baseVersion: 1, body: `Quote: ${said}.` },
      );
      expect(edited.statusCode).toBe(409);
      expect(edited.json().errors[0].field).toBe('body.body');
      const kept = (
        await rapporteur.client.request('GET', `/api/v1/outcome-items/${paraphrase.id}`)
      ).json();
      expect(kept).toMatchObject({ visibility: 'public', version: 1 });
      // An edit of a published item sends it back for approval, so an unchecked text never stays public.
      const rephrased = await rapporteur.client.request(
        'PATCH',
        `/api/v1/outcome-items/${paraphrase.id}`,
        { baseVersion: 1, body: 'Monthly joint monitoring of the crossings was proposed.' },
      );
      expect(rephrased.json().visibility).toBe('participants');
    });
  });
}
