import { roles, roundParams, sessionParams, type Expectations } from './types.ts';

/**
 * Live events and analysis: the round's participants, its moderators and the series' organisers
 * (admins included); focal points without a seat and sponsors get 403; the public 404 (nothing
 * of the analysis is public). The event stream is asked with ?once=true so the request ends.
 */
const roomWatchers = (ok: number) =>
  roles(403, {
    admin: ok,
    organiser: ok,
    rapporteur: ok,
    moderator: ok,
    participant: ok,
    public: 404,
  });

export const expectations: Expectations = {
  'GET /api/v1/sessions/{id}/events': {
    params: sessionParams,
    query: () => ({ once: 'true' }),
    expect: roomWatchers(200),
  },
  'GET /api/v1/sessions/{id}/analysis': { params: sessionParams, expect: roomWatchers(200) },
  'GET /api/v1/rounds/{id}/analysis': { params: roundParams, expect: roomWatchers(200) },
};
