import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import {
  parseStoredAnalysis,
  presentAnalysis,
  serializeStoredAnalysis,
  type StoredAnalysis,
} from '../../src/server/presenters/analysis.presenter.ts';
import { createTestApp, publicClient, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { analysisWithVotes } from '../support/live.ts';
import {
  addMember,
  buildRoom,
  seedStatement,
  vote,
  type Room,
  type RoomMember,
} from '../support/room.ts';

describe('analysis presenter', () => {
  it('never carries participant ids, and hides the counts of groups smaller than k', () => {
    const participants = Array.from({ length: 24 }, (_, i) => `secret-participant-${i}`);
    const statements = Array.from({ length: 6 }, (_, j) => ({ id: `s${j}` }));
    // Two camps and one lone dissenter, so one group may be tiny.
    const votes = participants.flatMap((p, i) =>
      statements.map((s, j) => ({
        participant: p,
        statement: s.id,
        value: i === 23 ? (j % 2 ? 1 : -1) : (i % 2 === 0) === j < 3 ? 1 : -1,
      })),
    );
    const analysis = analyze({
      participants,
      statements,
      votes,
      delegations: Object.fromEntries(participants.map((p, i) => [p, i % 2 ? 'del-b' : 'del-a'])),
    });
    const stored: StoredAnalysis = {
      inputHash: 'x',
      activeStatements: statements.map((s) => s.id),
      analysis,
    };
    const row = {
      session_id: 'session-1',
      computed_at: '2026-04-05T10:00:01.000Z',
      describes_until: '2026-04-05T10:00:00.000Z',
      vote_count: votes.length,
      result: serializeStoredAnalysis(stored),
    };
    const summary = presentAnalysis(
      row,
      new Map([
        ['del-a', { name: 'Side A', position: 0 }],
        ['del-b', { name: 'Side B', position: 1 }],
      ]),
    )!;
    const body = JSON.stringify(summary);
    expect(body).not.toContain('secret-participant');
    expect(summary.points).toHaveLength(24);
    expect(summary.describesUntil).toBe(row.describes_until);
    expect(summary.computedAt).toBe(row.computed_at);
    for (const group of summary.groups)
      if (group.size < 3) expect(group.representative).toEqual([]);
    expect(summary.statements[0].delegations.map((d) => d.name)).toEqual(['Side A', 'Side B']);

    // The stored text is the engine's output itself (routing reads it), with Parley's additions aside.
    const raw = JSON.parse(row.result);
    expect(raw.routing).toEqual(analysis.routing);
    expect(raw.parley).toEqual({ inputHash: 'x', activeStatements: statements.map((s) => s.id) });
    expect(parseStoredAnalysis(row)).toEqual(stored);
    // The older envelope still reads; anything else is no analysis rather than a crash.
    expect(parseStoredAnalysis({ ...row, result: JSON.stringify(stored) })).toEqual(stored);
    expect(
      parseStoredAnalysis({
        ...row,
        result: JSON.stringify({ statements: { ids: ['s0'] }, routing: [1] }),
      }),
    ).toBeNull();
    expect(presentAnalysis({ ...row, result: 'not json' }, new Map())).toBeNull();
  });
});

for (const dialect of testDialects()) {
  describe(`[${dialect}] analysis routes`, () => {
    let t: TestApp;
    let room: Room;
    let statements: string[];
    let votes = 0;
    const everyoneVotes = async (members: RoomMember[]) => {
      const expected = votes + members.length * statements.length;
      const analysed = analysisWithVotes(t, room.sessionId, expected);
      for (const [i, m] of members.entries()) {
        for (const [j, s] of statements.entries()) {
          const res = await vote(m, room.sessionId, s, (i + j) % 3 === 0 ? -1 : 1);
          expect(res.statusCode).toBe(201);
        }
      }
      votes = expected;
      return analysed;
    };

    beforeAll(async () => {
      t = await createTestApp(dialect);
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

    it('answers null before the first analysis', async () => {
      const res = await room.organiser.request(
        'GET',
        `/api/v1/sessions/${room.sessionId}/analysis`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.json().analysis).toBeNull();
    });

    it('withholds a delegation and a background below k, and shows them once they reach k', async () => {
      await everyoneVotes(room.participants);
      const res = await room.organiser.request(
        'GET',
        `/api/v1/sessions/${room.sessionId}/analysis`,
      );
      expect(res.statusCode).toBe(200);
      const summary = res.json().analysis;
      expect(summary.k).toBe(3);
      expect(summary.voteCount).toBe(15);
      expect(summary.withheld).toEqual({ delegations: 1, backgrounds: 1 });
      for (const s of summary.statements) {
        expect(s.delegations.map((d: { delegationId: string }) => d.delegationId)).toEqual([
          room.delegationIds[0],
        ]);
        expect(s.delegations[0].name).toBe('Delegation A');
        expect(s.backgrounds.map((b: { background: string }) => b.background)).toEqual([
          'academic',
        ]);
      }
      expect(res.body).not.toContain(room.delegationIds[1]);
      expect(res.body).not.toContain('media');

      // A third member joins delegation B and votes: B now has k members and is shown.
      const third = await addMember(t, room.roundId, { delegationId: room.delegationIds[1] });
      room.participants.push(third);
      await everyoneVotes([third]);
      const after = (
        await room.organiser.request('GET', `/api/v1/sessions/${room.sessionId}/analysis`)
      ).json().analysis;
      expect(after.withheld.delegations).toBe(0);
      expect(after.statements[0].delegations.map((d: { name: string }) => d.name)).toEqual([
        'Delegation A',
        'Delegation B',
      ]);
      const b = after.statements[0].delegations[1];
      expect(b.agrees + b.disagrees + b.passes).toBe(3);
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
      expect(ofRound.json().sessions[0].analysis.describesUntil).toBe(
        asOrganiser.json().analysis.describesUntil,
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
