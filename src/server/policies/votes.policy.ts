import { activeParticipation, type Actor } from '../auth/actor.ts';

/** Only the round's active participants vote, and each sees only their own votes. */
export const votesPolicy = {
  vote: (a: Actor, roundId: string) => activeParticipation(a, roundId) !== undefined,
};
