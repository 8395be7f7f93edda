import { isOrganiser, type Actor } from '../auth/actor.ts';

/**
 * The public outcome report: conveners and partners compose, edit, approve and publish it; until
 * it is published nobody else sees it (the public gets 404). Published versions are public.
 */
export const reportsPolicy = {
  readDraft: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  compose: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  edit: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  approve: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  publish: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  readPublished: (_a: Actor) => true,
};
