import { expect } from 'vitest';
import { storeSessionAnalysis } from '../../src/demo/analysis.ts';
import type { AttributionRule } from '../../src/domain/enums.ts';
import type { TestApp } from '../support/app.ts';
import { buildParticipation, buildRound, buildSession } from '../support/factories.ts';
import { addMember, buildRoom, vote, type Room, type RoomMember } from '../support/room.ts';

/**
 * A round set up for outcomes: six participants (three per delegation, so delegation shares pass
 * the k threshold), two rapporteurs, a head per delegation. Tests run with `live: false` and store
 * their releases themselves (`storeAnalysis`), so figures are deterministic.
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

/** Makes the session's next release now and stores it, as the live worker would. */
export async function storeAnalysis(t: TestApp, sessionId: string) {
  await storeSessionAnalysis(t.deps.db.kysely, sessionId, new Date());
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
