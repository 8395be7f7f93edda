import {
  buildParticipation,
  buildPerson,
  buildRound,
  buildSession,
} from '../../support/factories.ts';
import type { World } from '../world.ts';
import {
  everyone,
  organisersOnly,
  roles,
  roundParams,
  sessionParams,
  type Expectations,
} from './types.ts';

let n = 100;
const next = () => ++n;

/** The directory and who is in the room are confidential: the public gets 404, other roles 403. */
const directoryReaders = (ok: number) =>
  roles(403, { admin: ok, organiser: ok, focal: ok, public: 404 });
/** A nomination of delegation A (the focal point's), fresh for each role since PATCH changes it. */
const freshNomination = async (w: World) => {
  const person = await buildPerson(w.db);
  return {
    id: (
      await buildParticipation(w.db, {
        round_id: w.round.id,
        person_id: person.id,
        delegation_id: w.delegationA.id,
        status: 'nominated',
      })
    ).id,
  };
};

/** Organisations, rounds, the agenda (sessions), people and participations. */
export const expectations: Expectations = {
  // Organisations are named in every announcement: public to read, any organiser edits.
  'GET /api/v1/organisations': { expect: everyone(200) },
  'POST /api/v1/organisations': {
    body: () => ({ name: `Matrix Institute ${next()}` }),
    expect: organisersOnly(201),
  },
  'GET /api/v1/organisations/{id}': {
    params: (w) => ({ id: w.organisation.id }),
    expect: everyone(200),
  },
  'PATCH /api/v1/organisations/{id}': {
    params: (w) => ({ id: w.organisation.id }),
    body: () => ({ country: 'Pakistan' }),
    expect: organisersOnly(200),
  },

  // Rounds are announced: public to read; conveners and partners write.
  'GET /api/v1/series/{id}/rounds': { params: (w) => ({ id: w.series.id }), expect: everyone(200) },
  'POST /api/v1/series/{id}/rounds': {
    params: (w) => ({ id: w.series.id }),
    body: () => ({
      number: next(),
      city: 'Islamabad',
      country: 'Pakistan',
      timeZone: 'Asia/Karachi',
      startsOn: '2026-04-05',
      endsOn: '2026-04-06',
    }),
    expect: organisersOnly(201),
  },
  'GET /api/v1/rounds/{id}': { params: roundParams, expect: everyone(200) },
  'PATCH /api/v1/rounds/{id}': {
    params: roundParams,
    body: () => ({ venue: 'Serena Hotel' }),
    expect: organisersOnly(200),
  },
  'DELETE /api/v1/rounds/{id}': {
    params: async (w) => ({
      id: (await buildRound(w.db, { series_id: w.series.id, number: next() })).id,
    }),
    expect: organisersOnly(204),
  },

  // The agenda is public (chair and rapporteur ids are hidden from those outside the round).
  'GET /api/v1/rounds/{id}/sessions': { params: roundParams, expect: everyone(200) },
  'POST /api/v1/rounds/{id}/sessions': {
    params: roundParams,
    body: () => ({ kind: 'working', position: next(), title: 'A further question?' }),
    expect: organisersOnly(201),
  },
  'GET /api/v1/sessions/{id}': { params: sessionParams, expect: everyone(200) },
  'PATCH /api/v1/sessions/{id}': {
    params: sessionParams,
    body: () => ({ title: 'What would reduce the risk of escalation?' }),
    expect: organisersOnly(200),
  },
  'DELETE /api/v1/sessions/{id}': {
    params: async (w) => ({ id: (await buildSession(w.db, { round_id: w.round.id })).id }),
    expect: organisersOnly(204),
  },

  // People: organisers keep the directory, a focal point sees their delegation's people, everyone their own record.
  'GET /api/v1/people': { expect: directoryReaders(200) },
  'POST /api/v1/people': {
    body: () => ({ fullName: 'Matrix Person' }),
    expect: organisersOnly(201),
  },
  // The participant sits in delegation B: the focal point of A may not read them; they may read themself.
  'GET /api/v1/people/{id}': {
    params: (w) => ({ id: w.people.participant.id }),
    expect: roles(403, { admin: 200, organiser: 200, participant: 200, public: 404 }),
  },
  // The invitee sits in delegation A: its focal point may correct the record.
  'PATCH /api/v1/people/{id}': {
    params: (w) => ({ id: w.invitee.person.id }),
    body: () => ({ affiliation: 'Edited by the matrix' }),
    expect: directoryReaders(200),
  },

  // Participations: rapporteurs and moderators need the room list; a participant sees only their own.
  'GET /api/v1/rounds/{id}/participations': {
    params: roundParams,
    expect: roles(200, { sponsor: 403, public: 404 }),
  },
  'POST /api/v1/rounds/{id}/participations': {
    params: roundParams,
    body: (w) => ({
      person: { fullName: 'Matrix Nominee' },
      delegationId: w.delegationA.id,
      role: 'delegate',
    }),
    expect: roles(403, { admin: 201, organiser: 201, focal: 201, public: 401 }),
  },
  'GET /api/v1/participations/{id}': {
    params: (w) => ({ id: w.participations.participant.id }),
    expect: roles(200, { focal: 403, sponsor: 403, public: 404 }),
  },
  'PATCH /api/v1/participations/{id}': {
    params: freshNomination,
    body: () => ({ status: 'withdrawn' }),
    expect: directoryReaders(200),
  },
  'GET /api/v1/rounds/{id}/balance': { params: roundParams, expect: directoryReaders(200) },
};
