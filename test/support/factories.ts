import type { Kysely } from 'kysely';
import type { ParticipationRole, ParticipationStatus, SeriesRole } from '../../src/domain/enums.ts';
import { loadActor } from '../../src/server/auth/session-cookie.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import type { Database } from '../../src/server/db/schema.ts';
import { newId } from '../../src/server/ids.ts';
import { openSession } from '../../src/server/services/accounts.service.ts';
import { createInvitation } from '../../src/server/services/invitations.service.ts';
import type { Client, TestApp } from './app.ts';

/**
 * Builders for test data, inserted straight through Kysely so a test states only what matters
 * to it: `await buildRound(db, { seriesId })`. Every builder returns the row it inserted.
 */

type Db = Kysely<Database>;
let sequence = 0;
const unique = () => `${Date.now().toString(36)}-${++sequence}`;
const nowIso = () => new Date().toISOString();

export async function buildSeries(
  db: Db,
  overrides: Partial<Database['series']> = {},
  delegationNames = ['Delegation A', 'Delegation B'],
) {
  const row = {
    id: newId(),
    slug: `series-${unique()}`,
    title: 'A Test Dialogue',
    track_label: 'Track-II',
    description: '',
    created_at: nowIso(),
    // The smallest k allowed, so that small test rooms release their figures.
    k_anonymity: 3,
    ...overrides,
  };
  await db.insertInto('series').values(row).execute();
  const delegations = delegationNames.map((name, position) => ({
    id: newId(),
    series_id: row.id,
    name,
    position,
  }));
  await db.insertInto('delegations').values(delegations).execute();
  return { ...row, delegations };
}

export async function buildDelegation(db: Db, seriesId: string, name = `Delegation ${unique()}`) {
  const row = { id: newId(), series_id: seriesId, name, position: 10 };
  await db.insertInto('delegations').values(row).execute();
  return row;
}

export async function buildRound(
  db: Db,
  overrides: Partial<Database['rounds']> & { series_id: string },
) {
  const row = {
    id: newId(),
    number: 1,
    city: 'Islamabad',
    country: 'Pakistan',
    venue: '',
    starts_on: '2026-04-05',
    ends_on: '2026-04-06',
    umbrella_theme: 'Regional stability',
    status: 'planned',
    previous_round_id: null,
    time_zone: 'Asia/Karachi',
    ...overrides,
  };
  await db.insertInto('rounds').values(row).execute();
  return row;
}

export async function buildSession(
  db: Db,
  overrides: Partial<Database['sessions']> & { round_id: string },
) {
  const row = {
    id: newId(),
    kind: 'working',
    position: 1,
    title: 'What would reduce the risk of escalation?',
    starts_at: null,
    ends_at: null,
    chair_person_id: null,
    rapporteur_person_id: null,
    attribution_rule: 'chatham_house',
    status: 'scheduled',
    ...overrides,
  };
  await db.insertInto('sessions').values(row).execute();
  return row;
}

export async function buildPerson(db: Db, overrides: Partial<Database['people']> = {}) {
  const row = {
    id: newId(),
    full_name: `Person ${unique()}`,
    honorific: '',
    affiliation: '',
    background: 'academic',
    gender: 'undisclosed',
    created_at: nowIso(),
    ...overrides,
  };
  await db.insertInto('people').values(row).execute();
  return row;
}

export async function buildParticipation(
  db: Db,
  fields: {
    round_id: string;
    person_id: string;
    delegation_id?: string | null;
    role?: ParticipationRole;
    status?: ParticipationStatus;
  },
) {
  const row = {
    id: newId(),
    delegation_id: null,
    role: 'delegate',
    capacity: 'personal',
    status: 'approved',
    nominated_by: null,
    approved_by: null,
    created_at: nowIso(),
    updated_at: nowIso(),
    ...fields,
  };
  await db.insertInto('participations').values(row).execute();
  return row;
}

export async function buildOrganisation(
  db: Db,
  overrides: Partial<Database['organisations']> = {},
) {
  const row = {
    id: newId(),
    name: `Organisation ${unique()}`,
    short_name: '',
    country: '',
    website: '',
    created_at: nowIso(),
    ...overrides,
  };
  await db.insertInto('organisations').values(row).execute();
  return row;
}

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

/** An account with the password TEST_PASSWORD (hashed once per run: argon2 is slow on purpose). */
export async function buildUser(db: Db, overrides: Partial<Database['users']> = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const row = {
    id: newId(),
    email: `user-${unique()}@example.org`,
    display_name: 'Test User',
    password_hash: await passwordHash,
    is_admin: 0,
    person_id: null,
    created_at: nowIso(),
    ...overrides,
  };
  await db.insertInto('users').values(row).execute();
  return row;
}

export async function buildMember(
  db: Db,
  fields: { series_id: string; user_id: string; role: SeriesRole; delegation_id?: string | null },
) {
  const row = { id: newId(), delegation_id: null, created_at: nowIso(), ...fields };
  await db.insertInto('series_members').values(row).execute();
  return row;
}

/** An invitation made through the service (as the CLI does); returns it with its secret token. */
export async function buildInvitation(
  t: TestApp,
  input: {
    email?: string;
    participationId?: string;
    seriesId?: string;
    seriesRole?: SeriesRole;
    delegationId?: string | null;
    expiresInHours?: number;
  },
) {
  const invitation = await createInvitation(t.deps, null, {
    email: `invitee-${unique()}@example.org`,
    expiresInHours: 24,
    ...input,
  });
  return { ...invitation, token: invitation.link!.split('/invitations/')[1] };
}

/** A client signed in as an existing account, without going through the rate-limited login. */
export async function sessionClient(t: TestApp, userId: string): Promise<Client> {
  const { secret } = await openSession(t.deps, userId);
  const actor = await loadActor(t.deps, secret);
  return {
    userId,
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
