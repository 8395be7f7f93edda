import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publicClient, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  buildOutcomesRoom,
  everyoneVotes,
  identities,
  laterRound,
  seed,
  storeAnalysis,
  type OutcomesRoom,
} from './outcomes.fixture.ts';

type Rec = { id: string; code: string; status: string; carried: boolean };

for (const dialect of testDialects()) {
  describe(`[${dialect}] recommendations followed across rounds`, () => {
    let t: TestApp;
    let room: OutcomesRoom;
    let round2: { roundId: string; sessionId: string };
    let round3: { roundId: string; sessionId: string };
    const recs: Record<string, Rec> = {};

    const create = async (roundId: string, title: string) => {
      // Round 1's rapporteur writes round 1's; an organiser writes for any round.
      const writer = roundId === room.roundId ? room.rapporteurs[0].client : room.organiser;
      const res = await writer.request('POST', `/api/v1/rounds/${roundId}/recommendations`, {
        title,
        addressees: ['US State Department', 'Pakistan Ministry of Foreign Affairs'],
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Rec;
    };

    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
      room = await buildOutcomesRoom(t);
      round2 = await laterRound(t, room, 2);
      round3 = await laterRound(t, room, 3);
    });
    afterAll(() => t.close());

    it('numbers recommendations R<round>.<n> in creation order within each round, stable ever after', async () => {
      recs.visas = await create(room.roundId, 'Restore the visa desk');
      recs.trade = await create(room.roundId, 'A trade working group');
      recs.water = await create(round2.roundId, 'Share river flow data');
      expect([recs.visas.code, recs.trade.code, recs.water.code]).toEqual(['R1.1', 'R1.2', 'R2.1']);
      // Created at the same moment, they still get distinct numbers.
      const burst = await Promise.all([1, 2, 3].map((i) => create(room.roundId, `Burst ${i}`)));
      expect(burst.map((r) => r.code).sort()).toEqual(['R1.3', 'R1.4', 'R1.5']);
      const fetched = (
        await room.organiser.request('GET', `/api/v1/recommendations/${recs.trade.id}`)
      ).json();
      expect(fetched).toMatchObject({
        code: 'R1.2',
        addressees: ['US State Department', 'Pakistan Ministry of Foreign Affairs'],
        status: 'proposed',
      });
    });

    it('refuses a status change without date or evidence (400 naming the field) and keeps the full history', async () => {
      const url = `/api/v1/recommendations/${recs.visas.id}/status`;
      const none = await room.organiser.request('POST', url, {
        status: 'agreed',
        on: '2026-04-06',
      });
      expect(none.statusCode).toBe(400);
      expect(none.json().errors.map((e: { field: string }) => e.field)).toContain('body.evidence');
      const blank = await room.organiser.request('POST', url, {
        status: 'agreed',
        on: '2026-04-06',
        evidence: { text: ' ' },
      });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().errors[0].field).toBe('body.evidence.text');
      const undated = await room.organiser.request('POST', url, {
        status: 'agreed',
        evidence: { text: 'Agreed in plenary.' },
      });
      expect(undated.json().errors[0].field).toBe('body.on');
      for (const link of [
        'javascript:alert(1)',
        'data:text/html,<script>x</script>',
        'file:///etc/passwd',
      ]) {
        const bad = await room.organiser.request('POST', url, {
          status: 'agreed',
          on: '2026-04-06',
          evidence: { text: 'Agreed in plenary.', url: link },
        });
        expect(bad.statusCode, link).toBe(400);
        expect(bad.json().errors[0]).toEqual({
          field: 'body.evidence.url',
          message: 'must be an http or https URL',
        });
      }

      expect(
        (
          await room.organiser.request('POST', url, {
            status: 'agreed',
            on: '2026-04-06',
            evidence: { text: 'Agreed in the closing plenary.' },
          })
        ).statusCode,
      ).toBe(201);
      const sent = await room.organiser.request('POST', url, {
        status: 'transmitted',
        on: '2026-05-02',
        evidence: {
          text: 'Non-paper sent to both ministries.',
          url: 'https://example.org/non-paper',
        },
      });
      expect(sent.json().history).toEqual([
        expect.objectContaining({
          status: 'agreed',
          on: '2026-04-06',
          evidence: 'Agreed in the closing plenary.',
          evidenceUrl: null,
        }),
        expect.objectContaining({
          status: 'transmitted',
          on: '2026-05-02',
          evidenceUrl: 'https://example.org/non-paper',
        }),
      ]);
      expect(sent.json().code).toBe('R1.1');
      // Participants read; only writers change; the public never sees it.
      expect(
        (
          await room.participants[0].client.request(
            'GET',
            `/api/v1/recommendations/${recs.visas.id}`,
          )
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await room.participants[0].client.request('POST', url, {
            status: 'dropped',
            on: '2026-06-01',
            evidence: { text: 'x' },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (await publicClient(t).request('GET', `/api/v1/recommendations/${recs.visas.id}`))
          .statusCode,
      ).toBe(404);
    });

    it("carries a recommendation into a later round's agenda, never into an earlier one", async () => {
      const carry = await room.organiser.request(
        'POST',
        `/api/v1/recommendations/${recs.visas.id}/carry`,
        { roundId: round2.roundId },
      );
      expect(carry.statusCode, carry.body).toBe(201);
      expect(carry.json().carriedInto).toEqual([
        expect.objectContaining({ roundId: round2.roundId, roundNumber: 2 }),
      ]);
      const agenda = (
        await room.organiser.request('GET', `/api/v1/rounds/${round2.roundId}/recommendations`)
      ).json().items as Rec[];
      expect(agenda.map((r) => [r.code, r.carried])).toEqual([
        ['R1.1', true],
        ['R2.1', false],
      ]);
      expect(
        (
          await room.organiser.request('POST', `/api/v1/recommendations/${recs.visas.id}/carry`, {
            roundId: round2.roundId,
          })
        ).statusCode,
      ).toBe(409);
      const backwards = await room.organiser.request(
        'POST',
        `/api/v1/recommendations/${recs.water.id}/carry`,
        { roundId: room.roundId },
      );
      expect(backwards.statusCode).toBe(409);
      expect(backwards.json().errors[0].field).toBe('body.roundId');
      expect(
        (
          await room.rapporteurs[0].client.request(
            'POST',
            `/api/v1/recommendations/${recs.trade.id}/carry`,
            { roundId: round3.roundId },
          )
        ).statusCode,
      ).toBe(403);
    });

    it('shows the continuity of the series: new, carried and closed per round, and convergence of a question asked again', async () => {
      // R1.2 is dropped between rounds 1 and 2; R2.1 is implemented after round 3 began.
      await room.organiser.request('POST', `/api/v1/recommendations/${recs.trade.id}/status`, {
        status: 'dropped',
        on: '2026-09-01',
        evidence: { text: 'Overtaken by events.' },
      });
      await room.organiser.request('POST', `/api/v1/recommendations/${recs.water.id}/status`, {
        status: 'implemented',
        on: '2027-03-20',
        evidence: { text: 'Data shared monthly since March.' },
      });
      expect(
        (
          await room.organiser.request('POST', `/api/v1/recommendations/${recs.trade.id}/carry`, {
            roundId: round3.roundId,
          })
        ).statusCode,
      ).toBe(409);

      // The same question in rounds 1 and 2: delegation B came round from disagreeing to agreeing.
      const first = await seed(
        room,
        room.sessionId,
        'Should the two militaries hold an annual exercise together?',
      );
      await everyoneVotes(room, room.sessionId, first, 1, -1);
      await storeAnalysis(t, room.sessionId);
      const again = await seed(
        room,
        round2.sessionId,
        'Should the militaries hold a joint exercise every year?',
      );
      await everyoneVotes(room, round2.sessionId, again, 1, 1);
      await storeAnalysis(t, round2.sessionId);
      const link = await room.organiser.request(
        'POST',
        `/api/v1/statements/${first}/asked-again-as`,
        { statementId: again },
      );
      expect(link.statusCode, link.body).toBe(201);
      expect(
        (
          await room.organiser.request('POST', `/api/v1/statements/${again}/asked-again-as`, {
            statementId: first,
          })
        ).statusCode,
      ).toBe(409);

      const res = await room.organiser.request('GET', `/api/v1/series/${room.seriesId}/continuity`);
      expect(res.statusCode, res.body).toBe(200);
      const continuity = res.json();
      expect(
        continuity.rounds.map((r: { number: number; recommendations: unknown }) => [
          r.number,
          r.recommendations,
        ]),
      ).toEqual([
        [1, { new: ['R1.1', 'R1.2', 'R1.3', 'R1.4', 'R1.5'], carried: [], closed: ['R1.2'] }],
        [2, { new: ['R2.1'], carried: ['R1.1'], closed: [] }],
        [3, { new: [], carried: [], closed: ['R2.1'] }],
      ]);
      const [thread] = continuity.askedAgain;
      expect(
        thread.points.map((p: { roundNumber: number; statementId: string }) => [
          p.roundNumber,
          p.statementId,
        ]),
      ).toEqual([
        [1, first],
        [2, again],
      ]);
      const shareOfB = (p: { delegations: { delegationId: string; agreeShare: number }[] }) =>
        p.delegations.find((d) => d.delegationId === room.delegationIds[1])!.agreeShare;
      expect(shareOfB(thread.points[1])).toBeGreaterThan(shareOfB(thread.points[0]));
      expect(thread.points[1].classification).toBe('convergence');
      for (const secret of identities(room)) expect(res.body).not.toContain(secret);
      expect(
        (
          await room.participants[0].client.request(
            'GET',
            `/api/v1/series/${room.seriesId}/continuity`,
          )
        ).statusCode,
      ).toBe(403);
      expect(
        (await publicClient(t).request('GET', `/api/v1/series/${room.seriesId}/continuity`))
          .statusCode,
      ).toBe(404);
    });
  });
}
