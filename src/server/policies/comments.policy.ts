import { isOrganiser, type Actor } from '../auth/actor.ts';

/** Anyone may comment on a published report; organisers moderate; the public sees approved comments only, never an email. */
export const commentsPolicy = {
  create: (_a: Actor) => true,
  moderate: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  readHeld: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
};
