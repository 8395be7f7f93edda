import type { Actor } from '../auth/actor.ts';
import { organisesAnySeries } from './organisations.policy.ts';

/** Delegations the actor is focal point of, in any series. */
export const focalPointDelegationsAnywhere = (a: Actor) =>
  a.seriesRoles.filter((r) => r.role === 'focal_point').map((r) => r.delegationId!);
const isSelf = (a: Actor, personId: string) => a.user?.personId === personId;
const isFocalPointFor = (a: Actor, personDelegationIds: readonly string[]) =>
  focalPointDelegationsAnywhere(a).some((d) => personDelegationIds.includes(d));

/**
 * The people directory is confidential: under the Chatham House Rule even who attends may not
 * be revealed. Organisers keep the directory (any organiser, since people recur across series);
 * a focal point sees the people of their own delegation; everyone sees their own record.
 * The public gets 404, sponsors and other signed-in users 403.
 */
export const peoplePolicy = {
  list: (a: Actor) => organisesAnySeries(a) || focalPointDelegationsAnywhere(a).length > 0,
  listAll: (a: Actor) => organisesAnySeries(a),
  read: (a: Actor, personId: string, personDelegationIds: readonly string[]) =>
    organisesAnySeries(a) || isSelf(a, personId) || isFocalPointFor(a, personDelegationIds),
  /** Focal points add people through a nomination (an inline person), not here. */
  create: (a: Actor) => organisesAnySeries(a),
  update: (a: Actor, personId: string, personDelegationIds: readonly string[]) =>
    organisesAnySeries(a) || isSelf(a, personId) || isFocalPointFor(a, personDelegationIds),
};
