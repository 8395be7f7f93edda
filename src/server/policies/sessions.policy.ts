import { activeParticipation, isOrganiser, type Actor } from '../auth/actor.ts';

/**
 * The agenda of a round (kinds, titles, times, attribution rules) is announced, so public.
 * Who chairs and who reports are people, and a participant list can itself be confidential:
 * their ids go only to organisers and to the round's own (signed-in) participants.
 */
export const sessionsPolicy = {
  read: (_a: Actor) => true,
  readPeople: (a: Actor, seriesId: string, roundId: string) =>
    isOrganiser(a, seriesId) || activeParticipation(a, roundId) !== undefined,
  create: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  update: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  delete: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
};
