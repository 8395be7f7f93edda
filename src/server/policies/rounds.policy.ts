import { isOrganiser, type Actor } from '../auth/actor.ts';

/** Rounds are announced (place, dates, theme): public to read; conveners and partners edit them. */
export const roundsPolicy = {
  read: (_a: Actor) => true,
  create: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  update: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  delete: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
};
