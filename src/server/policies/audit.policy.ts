import { isAdmin, isOrganiser, type Actor } from '../auth/actor.ts';

/** The audit log: the whole of it for admins, a series' entries for its organisers. */
export const auditPolicy = {
  readAll: (a: Actor) => isAdmin(a),
  readSeries: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
};
