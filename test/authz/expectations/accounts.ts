import { buildInvitation, buildMember, buildUser } from '../../support/factories.ts';
import type { World } from '../world.ts';
import {
  adminOnly,
  everyone,
  organisersOnly,
  roles,
  seriesParams,
  type Expectations,
} from './types.ts';

let n = 0;
const uniqueEmail = (what: string) => `${what}-${++n}-${Date.now()}@matrix.test`;
const sponsorInvitation = (w: World) =>
  buildInvitation(w.t, {
    seriesId: w.series.id,
    seriesRole: 'sponsor',
    email: uniqueEmail('invitee'),
  });

/** Health, sign-in, accounts, series roles, invitations and the audit log. */
export const expectations: Expectations = {
  'GET /api/v1/health': { expect: everyone(200) },
  // Once the analysis worker has started (a server starts it at once; the test app lazily).
  'GET /api/v1/ready': {
    params: async (w) => {
      await w.t.deps.live?.status(30_000);
      return {};
    },
    expect: everyone(200),
  },
  // Wrong credentials for everyone: whoever asks, a bad password is a 401 (and never a 5xx).
  'POST /api/v1/auth/login': {
    body: () => ({ email: 'nobody@matrix.test', password: 'not the password' }),
    expect: everyone(401),
  },
  'POST /api/v1/auth/logout': { freshSession: true, expect: everyone(204) },
  'GET /api/v1/me': { expect: everyone(200) },

  'GET /api/v1/users': { expect: adminOnly(200) },
  'POST /api/v1/users': {
    body: () => ({
      email: uniqueEmail('new'),
      displayName: 'New Account',
      password: 'a long enough password',
    }),
    expect: adminOnly(201),
  },
  // The participant's own account: admins and the participant themself.
  'GET /api/v1/users/{id}': {
    params: (w) => ({ id: w.users.participant.id }),
    expect: roles(403, { admin: 200, participant: 200, public: 401 }),
  },
  'PATCH /api/v1/users/{id}': {
    params: (w) => ({ id: w.users.participant.id }),
    body: () => ({ displayName: 'Pat Participant' }),
    expect: roles(403, { admin: 200, participant: 200, public: 401 }),
  },

  'GET /api/v1/series/{id}/members': { params: seriesParams, expect: organisersOnly(200) },
  'POST /api/v1/series/{id}/members': {
    params: seriesParams,
    body: async (w) => ({ userId: (await buildUser(w.db)).id, role: 'sponsor' }),
    expect: organisersOnly(201),
  },
  'DELETE /api/v1/series-members/{id}': {
    params: async (w) => ({
      id: (
        await buildMember(w.db, {
          series_id: w.series.id,
          user_id: (await buildUser(w.db)).id,
          role: 'sponsor',
        })
      ).id,
    }),
    expect: organisersOnly(204),
  },

  'POST /api/v1/invitations': {
    body: (w) => ({ email: uniqueEmail('invitee'), seriesId: w.series.id, seriesRole: 'sponsor' }),
    expect: organisersOnly(201),
  },
  'GET /api/v1/series/{id}/invitations': { params: seriesParams, expect: organisersOnly(200) },
  'DELETE /api/v1/invitations/{id}': {
    params: async (w) => ({ id: (await sponsorInvitation(w)).id }),
    expect: organisersOnly(204),
  },
  // Holding the link is the permission: the same answer for everyone.
  'GET /api/v1/invitations/status': {
    query: async (w) => ({ token: (await sponsorInvitation(w)).token }),
    expect: everyone(200),
  },
  'POST /api/v1/invitations/accept': {
    body: async (w) => ({
      token: (await sponsorInvitation(w)).token,
      displayName: 'Accepting Person',
      password: 'a long enough password',
    }),
    expect: everyone(200),
  },

  'GET /api/v1/audit': { expect: adminOnly(200) },
  'GET /api/v1/series/{id}/audit': { params: seriesParams, expect: organisersOnly(200) },
};
