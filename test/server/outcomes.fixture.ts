import { expect } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import type { AttributionRule } from '../../src/domain/enums.ts';
import type { StoredAnalysis } from '../../src/server/presenters/analysis.presenter.ts';
import { analysisRepo } from '../../src/server/repositories/analysis.repository.ts';
import type { TestApp } from '../support/app.ts';
import { buildParticipation, buildRound, buildSession } from '../support/factories.ts';
import { addMember, buildRoom, vote, type Room, type RoomMember } from '../support/room.ts';

/**
 * A round set up for outcomes: six participants (three per delegation, so delegation shares pass
 * the k threshold), two rapporteurs, a head per delegation. Tests run with `live: false` and store
 * the analysis themselves (`storeAnalysis`), so figures are deterministic.
 */
export interface OutcomesRoom extends Room {
  rapporteurs: [RoomMember, RoomMember];
  heads: [RoomMember, RoomMember];
}

export async function buildOutcomesRoom(
  t: TestApp,
  rule: AttributionRule = 'chatham_house',
): Promise<OutcomesRoom> {
  const room = await buildRoom(t, { rule, participants: 6 });
  const rapporteurs: [RoomMember, RoomMember] = [
    await addMember(t, room.roundId, { role: 'rapporteur' }),
    await addMember(t, room.roundId, { role: 'rapporteur' }),
  ];
  const heads: [RoomMember, RoomMember] = [
    await addMember(t, room.roundId, {
      role: 'head_of_delegation',
      delegationId: room.delegationIds[0],
    }),
    await addMember(t, room.roundId, {
      role: 'head_of_delegation',
      delegationId: room.delegationIds[1],
    }),
  ];
  return { ...room, rapporteurs, heads };
}

/** Seeds an approved statement into a session as the organiser. */
export async function seed(room: Room, sessionId: string, text: string): Promise<string> {
  const res = await room.organiser.request('POST', `/api/v1/sessions/${sessionId}/statements`, {
    kind: 'idea',
    text,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** Every participant votes on the statement: delegation A (even indices) with `a`, delegation B with `b`. */
export async function everyoneVotes(
  room: Room,
  sessionId: string,
  statementId: string,
  a: -1 | 0 | 1,
  b: -1 | 0 | 1,
) {
  for (const [i, m] of room.participants.entries()) {
    const res = await vote(m, sessionId, statementId, i % 2 === 0 ? a : b);
    expect(res.statusCode, res.body).toBe(201);
  }
}

/** Runs the engine on the session's votes now and stores the result, as the live worker would. */
export async function storeAnalysis(t: TestApp, sessionId: string) {
  const db = t.deps.db.kysely;
  const [statements, votes, voters] = await Promise.all([
    analysisRepo.statements(db, sessionId),
    analysisRepo.votes(db, sessionId),
    analysisRepo.voters(db, sessionId),
  ]);
  const analysis = analyze({
    statements: statements.map((s) => ({
      id: s.id,
      moderatedOut: s.status !== 'approved',
      meta: s.is_meta === 1,
    })),
    votes: votes.map((v) => ({
      participant: v.participation_id,
      statement: v.statement_id,
      value: v.value,
    })),
    delegations: Object.fromEntries(
      voters.filter((v) => v.delegation_id).map((v) => [v.id, v.delegation_id as string]),
    ),
    backgrounds: Object.fromEntries(voters.map((v) => [v.id, v.background])),
  });
  const stored: StoredAnalysis = {
    inputHash: 'test',
    activeStatements: statements.filter((s) => s.status === 'approved').map((s) => s.id),
    analysis,
  };
  const describesUntil = votes.reduce(
    (latest, v) => (v.updated_at > latest ? v.updated_at : latest),
    '',
  );
  await analysisRepo.save(db, {
    session_id: sessionId,
    computed_at: new Date().toISOString(),
    describes_until: describesUntil,
    vote_count: votes.length,
    result: JSON.stringify(stored),
  });
}

/** A later round of the series with an open session under `rule`, in which the same participants take part. */
export async function laterRound(
  t: TestApp,
  room: OutcomesRoom,
  number: number,
  rule: AttributionRule = 'chatham_house',
) {
  const db = t.deps.db.kysely;
  const round = await buildRound(db, {
    series_id: room.seriesId,
    number,
    starts_on: `2027-0${number}-05`,
    ends_on: `2027-0${number}-06`,
  });
  const session = await buildSession(db, {
    round_id: round.id,
    attribution_rule: rule,
    status: 'open',
  });
  for (const m of room.participants) {
    const p = await db
      .selectFrom('participations')
      .select('delegation_id')
      .where('id', '=', m.participationId)
      .executeTakeFirstOrThrow();
    await buildParticipation(db, {
      round_id: round.id,
      person_id: m.personId,
      delegation_id: p.delegation_id,
      status: 'confirmed',
    });
  }
  return { roundId: round.id, sessionId: session.id };
}

/** Every id and name of the room's people, none of which may appear in an outcome or export. */
export function identities(room: Room): string[] {
  return [room.moderator, ...room.participants].flatMap((m) => [
    m.userId,
    m.personId,
    m.participationId,
    m.fullName,
    m.email,
  ]);
}
