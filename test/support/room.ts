import { randomUUID } from 'node:crypto';
import type { AttributionRule, ParticipationRole, SessionStatus } from '../../src/domain/enums.ts';
import type { Client, TestApp } from './app.ts';
import { loadActor } from '../../src/server/auth/session-cookie.ts';
import { openSession } from '../../src/server/services/accounts.service.ts';
import {
  buildMember,
  buildParticipation,
  buildPerson,
  buildRound,
  buildSeries,
  buildSession,
  buildUser,
} from './factories.ts';

/** A signed-in client that also exposes its Cookie header, for requests made outside inject (event streams). */
export type RoomClient = Client & { cookie: string };

export async function roomClient(t: TestApp, userId: string): Promise<RoomClient> {
  const { secret } = await openSession(t.deps, userId);
  const actor = await loadActor(t.deps, secret);
  return {
    userId,
    cookie: `parley_session=${secret}`,
    request: (method, url, body) =>
      t.app.inject({
        method: method as 'GET',
        url,
        cookies: { parley_session: secret },
        headers: { 'x-csrf-token': actor.csrfToken! },
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
  };
}

/** A signed-in person taking part in the round, with every identifier that must never leak. */
export interface RoomMember {
  client: RoomClient;
  userId: string;
  personId: string;
  participationId: string;
  fullName: string;
  email: string;
}

export interface Room {
  seriesId: string;
  roundId: string;
  sessionId: string;
  delegationIds: string[];
  organiser: RoomClient;
  moderator: RoomMember;
  participants: RoomMember[];
  sponsor: RoomClient;
  /** Signed in, but with no part in this round. */
  outsider: RoomClient;
  admin: RoomClient;
}

let seq = 0;

/** A participant with a distinctive name, so a leak is easy to spot in any response body. */
export async function addMember(
  t: TestApp,
  roundId: string,
  options: {
    role?: ParticipationRole;
    delegationId?: string | null;
    status?: 'confirmed' | 'declined';
  } = {},
): Promise<RoomMember> {
  const db = t.deps.db.kysely;
  const n = ++seq;
  const fullName = `Zephyrine ${n}-Quillfeather`;
  const person = await buildPerson(db, { full_name: fullName, honorific: 'Dr.' });
  const participation = await buildParticipation(db, {
    round_id: roundId,
    person_id: person.id,
    role: options.role ?? 'delegate',
    status: options.status ?? 'confirmed',
    delegation_id: options.delegationId ?? null,
  });
  const email = `room-member-${n}-${Date.now()}@example.org`;
  const user = await buildUser(db, { person_id: person.id, email, display_name: `Quill-${n}-Zed` });
  return {
    client: await roomClient(t, user.id),
    userId: user.id,
    personId: person.id,
    participationId: participation.id,
    fullName,
    email,
  };
}

/** A series with one round and one session under the given rule, and everyone who acts in it. */
export async function buildRoom(
  t: TestApp,
  options: { rule?: AttributionRule; status?: SessionStatus; participants?: number } = {},
): Promise<Room> {
  const db = t.deps.db.kysely;
  const series = await buildSeries(db);
  const delegationIds = series.delegations.map((d) => d.id);
  const round = await buildRound(db, { series_id: series.id, status: 'in_session' });
  const session = await buildSession(db, {
    round_id: round.id,
    attribution_rule: options.rule ?? 'chatham_house',
    status: options.status ?? 'open',
  });
  const organiserUser = await buildUser(db, { display_name: 'Organiser' });
  await buildMember(db, { series_id: series.id, user_id: organiserUser.id, role: 'organiser' });
  const sponsorUser = await buildUser(db, { display_name: 'Sponsor' });
  await buildMember(db, { series_id: series.id, user_id: sponsorUser.id, role: 'sponsor' });
  const outsider = await buildUser(db, { display_name: 'Outsider' });
  const admin = await buildUser(db, { display_name: 'Admin', is_admin: 1 });
  const moderator = await addMember(t, round.id, { role: 'moderator' });
  const participants: RoomMember[] = [];
  for (let i = 0; i < (options.participants ?? 3); i++)
    participants.push(
      await addMember(t, round.id, { delegationId: delegationIds[i % delegationIds.length] }),
    );
  return {
    seriesId: series.id,
    roundId: round.id,
    sessionId: session.id,
    delegationIds,
    organiser: await roomClient(t, organiserUser.id),
    moderator,
    participants,
    sponsor: await roomClient(t, sponsorUser.id),
    outsider: await roomClient(t, outsider.id),
    admin: await roomClient(t, admin.id),
  };
}

/** Seeds an approved statement as the organiser; returns its id. */
export async function seedStatement(room: Room, text: string, kind = 'idea'): Promise<string> {
  const res = await room.organiser.request(
    'POST',
    `/api/v1/sessions/${room.sessionId}/statements`,
    { kind, text },
  );
  if (res.statusCode !== 201) throw new Error(`seeding failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** A fresh client vote id, as a browser makes one per vote. */
export const voteId = () => randomUUID();

export const vote = (
  member: RoomMember,
  sessionId: string,
  statementId: string,
  value: -1 | 0 | 1,
  clientVoteId = voteId(),
) =>
  member.client.request('POST', `/api/v1/sessions/${sessionId}/votes`, {
    clientVoteId,
    statementId,
    value,
  });

/**
 * A statement's stored votes, counted in the database: what tests of the vote path check (the
 * API shows released totals only, which wait for k voters).
 */
export async function storedCounts(t: TestApp, statementId: string) {
  const rows = await t.deps.db.kysely
    .selectFrom('votes')
    .select('value')
    .where('statement_id', '=', statementId)
    .execute();
  const count = (v: number) => rows.filter((r) => r.value === v).length;
  return { agree: count(1), disagree: count(-1), pass: count(0) };
}
