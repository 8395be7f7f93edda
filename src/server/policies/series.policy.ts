import { isAdmin, isOrganiser, type Actor } from '../auth/actor.ts';

/**
 * Who may do what to a series and its delegations and organisations.
 * The series itself (title, sides, organisers, rounds) is public: it is announced.
 */
export const seriesPolicy = {
  read: (_a: Actor) => true,
  create: (a: Actor) => isAdmin(a),
  update: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  delete: (a: Actor) => isAdmin(a),
  /** Granting or removing organiser, focal-point and sponsor roles: audited. */
  manageMembers: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  readAudit: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
};
