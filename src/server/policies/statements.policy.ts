import { activeParticipation, isAdmin, isOrganiser, type Actor } from '../auth/actor.ts';

/** Organisers of the series, and the round's moderators (participation role moderator or organiser). */
export const isModeratorOf = (a: Actor, seriesId: string, roundId: string) =>
  isOrganiser(a, seriesId) ||
  ['moderator', 'organiser'].includes(activeParticipation(a, roundId)?.role ?? '');

/**
 * Who may do what in the room. Statements are confidential to the round: the public gets 404,
 * sponsors and other signed-in users 403. The sealed author is never a policy input beyond
 * "is it me".
 */
export const statementsPolicy = {
  read: (a: Actor, seriesId: string, roundId: string) =>
    isModeratorOf(a, seriesId, roundId) || activeParticipation(a, roundId) !== undefined,
  /** Seeded statements are approved at once. */
  seed: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  submit: (a: Actor, roundId: string) => activeParticipation(a, roundId) !== undefined,
  moderate: (a: Actor, seriesId: string, roundId: string) => isModeratorOf(a, seriesId, roundId),
  /** The author fixing a typo in their own statement while it waits for moderation. */
  editOwn: (a: Actor, authorUserId: string | null) => a.user !== null && a.user.id === authorUserId,
  /** Unsealing an author, for abuse only: admins, audited. */
  revealAuthor: (a: Actor) => isAdmin(a),
  openOrClose: (a: Actor, seriesId: string, roundId: string) => isModeratorOf(a, seriesId, roundId),
};
