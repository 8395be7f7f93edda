import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import {
  parseStoredAnalysis,
  presentRelease,
  serializeStoredAnalysis,
} from '../../src/server/presenters/analysis.presenter.ts';
import { createTestApp, publicClient, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  addMember,
  buildRoom,
  seedStatement,
  vote,
  type Room,
  type RoomMember,
} from '../support/room.ts';

describe('analysis presenter', () => {
  it('reads the stored release with delegation names of today, and nothing else', () => {
    const body = {
      final: false,
      k: 3,
      counts: { voters: 6, statements: 1, votes: 6 },
      heldBack: 0,
      noOpinionStructure: true,
      map: { regions: [], statements: [], notShown: 0 },
      groups: [],
      statements: [
        {
          statementId: 's0',
          level: 'delegations',
          totals: { agrees: 4, disagrees: 2, passes: 0, seen: 6 },
          classification: 'uncertain',
          bridging: 0.5,
          delegations: [
            {
              delegationId: 'del-b',
              agrees: 1,
              disagrees: 2,
              passes: 0,
              seen: 3,
              agreeShare: 0.33,
              wilson90: [0.1, 0.7],
            },
            {
              delegationId: 'del-a',
              agrees: 3,
              disagrees: 0,
              passes: 0,
              seen: 3,
              agreeShare: 1,
              wilson90: [0.5, 1],
            },
          ],
          backgrounds: [],
        },
      ],
      consensus: { agree: [], disagree: [] },
      pathways: [],
      uncertain: [],
    };
    const row = {
      session_id: 'session-1',
      computed_at: '2026-04-05T10:00:01.000Z',
      release_seq: 2,
      summary: JSON.stringify(body),
    };
    const summary = presentRelease(
      row,
      new Map([
        ['del-a', { name: 'Side A', position: 0 }],
        ['del-b', { name: 'Side B', position: 1 }],
      ]),
    )!;
    expect(summary.release).toBe(2);
    expect(summary.releasedAt).toBe(row.computed_at);
    expect(summary.statements[0].delegations.map((d) => d.name)).toEqual(['Side A', 'Side B']);
    expect(presentRelease({ ...row, release_seq: 0 }, new Map())).toBeNull();
    expect(presentRelease({ ...row, summary: 'null' }, new Map())).toBeNull();
  });

  it('keeps the engine output for routing, and reads anything else as no analysis', () => {
    const statements = Array.from({ length: 3 }, (_, j) => ({ id: `s${j}` }));
    const votes = ['p1', 'p2', 'p3'].flatMap((p, i) =>
      statements.map((s, j) => ({ participant: p, statement: s.id, value: (i + j) % 2 ? 1 : -1 })),
    );
    const analysis = analyze({ statements, votes });
    const stored = { inputHash: 'x', analysis };
    const result = serializeStoredAnalysis(stored);
    expect(JSON.parse(result).routing).toEqual(analysis.routing);
    expect(parseStoredAnalysis({ result })).toEqual(stored);
    expect(parseStoredAnalysis({ result: 'not json' })).toBeNull();
    expect(
      parseStoredAnalysis({
        result: JSON.stringify({ statements: { ids: ['s0'] }, routing: [1] }),
      }),
    ).toBeNull();
  });
});

for (const dialect of testDialects()) {
  describe(`[${dialect}] analysis routes`, () => {
    let t: TestApp;
    let room: Room;
    let statements: string[];
    let votes = 0;
    const everyoneVotes = async (members: RoomMember[]) => {
      for (const [i, m] of members.entries()) {
        for (const [j, s] of statements.entries()) {
          const res = await vote(m, room.sessionId, s, (i + j) % 3 === 0 ? -1 : 1);
          expect(res.statusCode).toBe(201);
        }
      }
      votes += members.length * statements.length;
      expect(await t.deps.live!.releaseNow(room.sessionId)).toBe('computed');
    };

    beforeAll(async () => {
      t = await createTestApp(dialect, { live: { scheduleReleases: false } });
      // Five participants alternate between the two delegations: three in A, two in B.
      room = await buildRoom(t, { participants: 5 });
      // The only journalist: one member of one delegation, never to be shown on their own.
      await t.deps.db.kysely
        .updateTable('people')
        .set({ background: 'media' })
        .where('id', '=', room.participants[0].personId)
        .execute();
      statements = [];
      for (const text of ['Open a hotline', 'Joint water data', 'Visa easing'])
        statements.push(await seedStatement(room, text));
    });
    afterAll(() => t.close());

    it('answers null before the first release', async () => {
      const res = await room.organiser.request(
        'GET',
        `/api/v1/sessions/${room.sessionId}/analysis`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.json().analysis).toBeNull();
    });

    it('shows delegations only when each has k voters on a statement, no backgrounds while open', async () => {
      await everyoneVotes(room.participants);
      const res = await room.organiser.request(
        'GET',
        `/api/v1/sessions/${room.sessionId}/analysis`,
      );
      expect(res.statusCode).toBe(200);
      const summary = res.json().analysis;
      expect(summary.k).toBe(3);
      expect(summary.counts.votes).toBe(votes);
      expect(summary.release).toBe(1);
      // Delegation B has two voters: no breakdown by delegation at all, totals only.
      for (const s of summary.statements) {
        expect(s.level).toBe('total');
        expect(s.totals.seen).toBe(5);
        expect(s.delegations).toEqual([]);
        expect(s.backgrounds).toEqual([]);
        expect(s.classification).toBeNull();
      }
      expect(res.body).not.toContain(room.delegationIds[1]);
      expect(res.body).not.toContain('media');

      // Three more members join delegation B and vote: each delegation's cell, and each cell of
      // the change since the last release, now has at least k voters.
      for (let i = 0; i < 3; i++) {
        const member = await addMember(t, room.roundId, { delegationId: room.delegationIds[1] });
        room.participants.push(member);
      }
      await everyoneVotes(room.participants.slice(-3));
      const after = (
        await room.organiser.request('GET', `/api/v1/sessions/${room.sessionId}/analysis`)
      ).json().analysis;
      expect(after.release).toBe(2);
      expect(after.statements[0].level).toBe('delegations');
      expect(after.statements[0].delegations.map((d: { name: string }) => d.name)).toEqual([
        'Delegation A',
        'Delegation B',
      ]);
      const b = after.statements[0].delegations[1];
      expect(b.agrees + b.disagrees + b.passes).toBe(5);
      expect(after.statements[0].backgrounds).toEqual([]);
    });

    it('keeps a single changed vote out of the release until k people have changed', async () => {
      const before = (
        await room.organiser.request('GET', `/api/v1/sessions/${room.sessionId}/analysis`)
      ).json().analysis;
      const res = await vote(room.participants[0], room.sessionId, statements[0], 0);
      expect(res.statusCode).toBe(201);
      expect(await t.deps.live!.releaseNow(room.sessionId)).toBe('unchanged');
      const list = await room.participants[1].client.request(
        'GET',
        `/api/v1/sessions/${room.sessionId}/statements`,
      );
      const after = (
        await room.organiser.request('GET', `/api/v1/sessions/${room.sessionId}/analysis`)
      ).json().analysis;
      expect(after).toEqual(before);
      const counts = list.json().items.find((s: { id: string }) => s.id === statements[0]).counts;
      expect(counts.agree + counts.disagree + counts.pass).toBe(before.statements[0].totals.seen);
      expect(counts.pass).toBe(before.statements[0].totals.passes);
    });

    it('gives participants the same aggregates, and never an id or a name of a person', async () => {
      const asOrganiser = await room.organiser.request(
        'GET',
        `/api/v1/sessions/${room.sessionId}/analysis`,
      );
      const asParticipant = await room.participants[1].client.request(
        'GET',
        `/api/v1/sessions/${room.sessionId}/analysis`,
      );
      const asModerator = await room.moderator.client.request(
        'GET',
        `/api/v1/sessions/${room.sessionId}/analysis`,
      );
      const ofRound = await room.participants[2].client.request(
        'GET',
        `/api/v1/rounds/${room.roundId}/analysis`,
      );
      expect(asParticipant.statusCode).toBe(200);
      expect(asParticipant.json()).toEqual(asOrganiser.json());
      expect(asModerator.statusCode).toBe(200);
      expect(ofRound.statusCode).toBe(200);
      expect(ofRound.json().sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual([
        room.sessionId,
      ]);
      expect(ofRound.json().sessions[0].analysis.releasedAt).toBe(
        asOrganiser.json().analysis.releasedAt,
      );
      for (const body of [asOrganiser.body, asParticipant.body, asModerator.body, ofRound.body]) {
        for (const m of [...room.participants, room.moderator]) {
          for (const secret of [m.participationId, m.personId, m.userId, m.fullName, m.email])
            expect(body).not.toContain(secret);
        }
        expect(body).not.toContain('Quill');
      }
    });

    it('is confidential: 404 for the public, 403 for sponsors and outsiders, 404 for unknown ids', async () => {
      for (const url of [
        `/api/v1/sessions/${room.sessionId}/analysis`,
        `/api/v1/rounds/${room.roundId}/analysis`,
      ]) {
        const anonymous = await publicClient(t).request('GET', url);
        expect(anonymous.statusCode).toBe(404);
        expect(anonymous.headers['content-type']).toContain('application/problem+json');
        expect((await room.sponsor.request('GET', url)).statusCode).toBe(403);
        expect((await room.outsider.request('GET', url)).statusCode).toBe(403);
      }
      expect(
        (await room.organiser.request('GET', '/api/v1/sessions/nope/analysis')).statusCode,
      ).toBe(404);
      expect((await room.organiser.request('GET', '/api/v1/rounds/nope/analysis')).statusCode).toBe(
        404,
      );
      expect(
        (await room.organiser.request('GET', '/api/v1/rounds/bad%20id/analysis')).statusCode,
      ).toBe(400);
    });
  });
}
