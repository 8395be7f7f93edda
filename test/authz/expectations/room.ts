import { randomUUID } from 'node:crypto';
import { newId } from '../../../src/server/ids.ts';
import { buildSession } from '../../support/factories.ts';
import type { World } from '../world.ts';
import { roles, sessionParams, type Expectations } from './types.ts';

/** A statement of the world's open session, inserted directly (approved unless said otherwise). */
async function buildStatement(
  w: World,
  fields: {
    status?: string;
    authorUserId?: string | null;
    authorParticipationId?: string | null;
  } = {},
) {
  const now = new Date().toISOString();
  const id = newId();
  await w.db
    .insertInto('statements')
    .values({
      id,
      session_id: w.session.id,
      kind: 'idea',
      text: `Matrix statement ${id.slice(0, 8)}`,
      translation: '',
      language: 'en',
      author_user_id: fields.authorUserId ?? null,
      author_participation_id: fields.authorParticipationId ?? null,
      origin: 'submitted',
      status: fields.status ?? 'approved',
      rejection_reason: null,
      merged_into_id: null,
      is_meta: 0,
      position: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

const approvedStatement = async (w: World) => ({ id: await buildStatement(w) });
/** The participant's own statement, still pending: only they may correct it. */
const participantsPending = async (w: World) => ({
  id: await buildStatement(w, {
    status: 'pending',
    authorUserId: w.users.participant.id,
    authorParticipationId: w.participations.participant.id,
  }),
});
/** A fresh session of the round, so closing one does not freeze the world's session for later routes. */
const freshSession = async (w: World) => ({
  id: (await buildSession(w.db, { round_id: w.round.id, status: 'open' })).id,
});

/** In the room: the round's participants read; organisers and moderators moderate; only participants vote. */
const roomReaders = (ok: number) =>
  roles(403, {
    admin: ok,
    organiser: ok,
    rapporteur: ok,
    moderator: ok,
    participant: ok,
    public: 404,
  });
const moderators = (ok: number) =>
  roles(403, { admin: ok, organiser: ok, moderator: ok, public: 401 });
/** Votes are cast and read back only by the round's participants (organisers without a seat do not vote). */
const voters = (ok: number, publicStatus: number) =>
  roles(403, { rapporteur: ok, moderator: ok, participant: ok, public: publicStatus });

export const expectations: Expectations = {
  'GET /api/v1/sessions/{id}/statements': { params: sessionParams, expect: roomReaders(200) },
  'POST /api/v1/sessions/{id}/statements': {
    params: sessionParams,
    body: () => ({ kind: 'idea', text: 'Expand the visa-on-arrival list' }),
    expect: roles(403, {
      admin: 201,
      organiser: 201,
      rapporteur: 201,
      moderator: 201,
      participant: 201,
      public: 401,
    }),
  },
  'GET /api/v1/statements/{id}': { params: approvedStatement, expect: roomReaders(200) },
  // Others' pending statements do not exist for a participant (404); moderators see it but only the author corrects it.
  'PATCH /api/v1/statements/{id}': {
    params: participantsPending,
    body: () => ({ text: 'Corrected wording' }),
    expect: roles(403, {
      admin: 403,
      organiser: 403,
      moderator: 403,
      rapporteur: 404,
      participant: 200,
      public: 404,
    }),
  },
  'POST /api/v1/statements/{id}/moderation': {
    params: approvedStatement,
    body: () => ({ action: 'reject', reason: 'Off topic' }),
    expect: roles(403, { admin: 200, organiser: 200, moderator: 200, public: 404 }),
  },
  'POST /api/v1/statements/{id}/reveal-author': {
    params: async (w) => ({
      id: await buildStatement(w, {
        authorUserId: w.users.participant.id,
        authorParticipationId: w.participations.participant.id,
      }),
    }),
    body: () => ({ reason: 'Reported as abusive' }),
    expect: roles(403, { admin: 200, public: 404 }),
  },
  // A fresh session has no approved statements, so the empty order is the complete one.
  'PUT /api/v1/sessions/{id}/statement-order': {
    params: freshSession,
    body: () => ({ statementIds: [] }),
    expect: roles(403, { admin: 200, organiser: 200, moderator: 200, public: 404 }),
  },
  'POST /api/v1/sessions/{id}/open': { params: freshSession, expect: moderators(200) },
  'POST /api/v1/sessions/{id}/close': { params: freshSession, expect: moderators(200) },
  'POST /api/v1/sessions/{id}/votes': {
    params: sessionParams,
    body: async (w) => ({
      clientVoteId: randomUUID(),
      statementId: await buildStatement(w),
      value: 1,
    }),
    expect: voters(201, 401),
  },
  'GET /api/v1/sessions/{id}/my-votes': { params: sessionParams, expect: voters(200, 404) },
  'GET /api/v1/sessions/{id}/next': { params: sessionParams, expect: voters(200, 404) },
};
