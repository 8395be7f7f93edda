import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { publicClient, type Client, type TestApp } from '../support/app.ts';
import {
  buildMember,
  buildOrganisation,
  buildParticipation,
  buildPerson,
  buildRound,
  buildSeries,
  buildSession,
  buildUser,
  sessionClient,
} from '../support/factories.ts';

export const ROLES = [
  'admin',
  'organiser',
  'focal',
  'rapporteur',
  'moderator',
  'participant',
  'sponsor',
  'public',
] as const;
export type Role = (typeof ROLES)[number];

type Row<T extends keyof Database> = Database[T];

/**
 * The small seeded world every authorization expectation refers to: one series with two
 * delegations, a round with a session, and one account per role.
 * - focal: focal point of delegation A; participant: confirmed delegate of delegation B;
 * - rapporteur and moderator: confirmed participations with those roles (also the session's
 *   rapporteur and chair); sponsor: the series' sponsor role; public: no account.
 */
export interface World {
  t: TestApp;
  db: Kysely<Database>;
  series: Row<'series'> & { delegations: Row<'delegations'>[] };
  delegationA: Row<'delegations'>;
  delegationB: Row<'delegations'>;
  round: Row<'rounds'>;
  session: Row<'sessions'>;
  organisation: Row<'organisations'>;
  /** A person with an approved participation nobody has accepted (for invitations). */
  invitee: { person: Row<'people'>; participation: Row<'participations'> };
  users: Record<Exclude<Role, 'public'>, Row<'users'>>;
  people: Record<'rapporteur' | 'moderator' | 'participant', Row<'people'>>;
  participations: Record<'rapporteur' | 'moderator' | 'participant', Row<'participations'>>;
  clients: Record<Role, Client>;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const db = t.deps.db.kysely;
  const series = await buildSeries(db, { title: 'Authorization Matrix Dialogue' });
  const [delegationA, delegationB] = series.delegations;
  const organisation = await buildOrganisation(db, { name: 'Convening Institute' });
  await db
    .insertInto('series_organisations')
    .values({
      series_id: series.id,
      organisation_id: organisation.id,
      part: 'convener',
      position: 0,
    })
    .execute();
  const round = await buildRound(db, { series_id: series.id, number: 1, status: 'in_session' });

  const people = {
    rapporteur: await buildPerson(db, { full_name: 'Rita Rapporteur' }),
    moderator: await buildPerson(db, { full_name: 'Max Moderator' }),
    participant: await buildPerson(db, { full_name: 'Pat Participant' }),
  };
  const participations = {
    rapporteur: await buildParticipation(db, {
      round_id: round.id,
      person_id: people.rapporteur.id,
      role: 'rapporteur',
      status: 'confirmed',
    }),
    moderator: await buildParticipation(db, {
      round_id: round.id,
      person_id: people.moderator.id,
      role: 'moderator',
      status: 'confirmed',
    }),
    participant: await buildParticipation(db, {
      round_id: round.id,
      person_id: people.participant.id,
      delegation_id: delegationB.id,
      role: 'delegate',
      status: 'confirmed',
    }),
  };
  const session = await buildSession(db, {
    round_id: round.id,
    chair_person_id: people.moderator.id,
    rapporteur_person_id: people.rapporteur.id,
    status: 'open',
  });
  const inviteePerson = await buildPerson(db, { full_name: 'Ivy Invitee' });
  const invitee = {
    person: inviteePerson,
    participation: await buildParticipation(db, {
      round_id: round.id,
      person_id: inviteePerson.id,
      delegation_id: delegationA.id,
      status: 'approved',
    }),
  };

  const users = {
    admin: await buildUser(db, { email: 'admin@matrix.test', is_admin: 1 }),
    organiser: await buildUser(db, { email: 'organiser@matrix.test' }),
    focal: await buildUser(db, { email: 'focal@matrix.test' }),
    rapporteur: await buildUser(db, {
      email: 'rapporteur@matrix.test',
      person_id: people.rapporteur.id,
    }),
    moderator: await buildUser(db, {
      email: 'moderator@matrix.test',
      person_id: people.moderator.id,
    }),
    participant: await buildUser(db, {
      email: 'participant@matrix.test',
      person_id: people.participant.id,
    }),
    sponsor: await buildUser(db, { email: 'sponsor@matrix.test' }),
  };
  await buildMember(db, { series_id: series.id, user_id: users.organiser.id, role: 'organiser' });
  await buildMember(db, {
    series_id: series.id,
    user_id: users.focal.id,
    role: 'focal_point',
    delegation_id: delegationA.id,
  });
  await buildMember(db, { series_id: series.id, user_id: users.sponsor.id, role: 'sponsor' });

  const clients = { public: publicClient(t) } as Record<Role, Client>;
  for (const role of ROLES)
    if (role !== 'public') clients[role] = await sessionClient(t, users[role].id);
  return {
    t,
    db,
    series,
    delegationA,
    delegationB,
    round,
    session,
    organisation,
    invitee,
    users,
    people,
    participations,
    clients,
  };
}
