import { activeParticipation, type Actor } from '../auth/actor.ts';
import { isModeratorOf } from './statements.policy.ts';

/**
 * Who sees a session's analysis and its live events: organisers, the round's moderators (the
 * projector in the room runs under one of their accounts) and its active participants. Sponsors
 * and other signed-in users get 403, the public 404: nothing of the analysis is public yet.
 */
export const analysisPolicy = {
  read: (a: Actor, seriesId: string, roundId: string) =>
    isModeratorOf(a, seriesId, roundId) || activeParticipation(a, roundId) !== undefined,
  subscribe: (a: Actor, seriesId: string, roundId: string) =>
    isModeratorOf(a, seriesId, roundId) || activeParticipation(a, roundId) !== undefined,
};
