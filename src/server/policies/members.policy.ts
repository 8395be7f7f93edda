import { isOrganiser, type Actor } from '../auth/actor.ts';

/** Series roles (organiser, focal point, sponsor): organisers of the series and admins manage them. */
export const membersPolicy = {
  list: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  grant: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  revoke: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
};
