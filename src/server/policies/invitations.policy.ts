import { isOrganiser, type Actor } from '../auth/actor.ts';

/** Invitations to a series (its rounds' participations and its roles) are the organisers' business. */
export const invitationsPolicy = {
  create: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  list: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  revoke: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
};
