import { isAdmin, type Actor } from '../auth/actor.ts';

/** An admin, or an organiser (convener or partner) of at least one series. */
export const organisesAnySeries = (a: Actor) =>
  isAdmin(a) || a.seriesRoles.some((r) => r.role === 'organiser');

/**
 * Organisations are public: conveners, partners and sponsors are named in every announcement.
 * Any organiser may add or correct one, since the directory is shared between series.
 */
export const organisationsPolicy = {
  read: (_a: Actor) => true,
  create: (a: Actor) => organisesAnySeries(a),
  update: (a: Actor) => organisesAnySeries(a),
};
