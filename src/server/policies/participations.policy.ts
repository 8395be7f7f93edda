import { focalPointDelegations, isOrganiser, type Actor } from '../auth/actor.ts';
import type { ParticipationRole, ParticipationStatus } from '../../domain/enums.ts';
import { DELEGATION_ROLES } from '../../domain/transitions.ts';

export { DELEGATION_ROLES, FOCAL_POINT_STATUSES } from '../../domain/transitions.ts';

/** Statuses in which a person takes part in a round (as in activeParticipation). */
export const TAKING_PART = [
  'approved',
  'invited',
  'accepted',
  'confirmed',
] as const satisfies readonly ParticipationStatus[];
/** What the person themself may answer to an invitation. */
export const OWN_RESPONSES: readonly ParticipationStatus[] = ['accepted', 'declined'];

const takesPartAs = (a: Actor, roundId: string, roles: readonly ParticipationRole[]) =>
  a.participations.some(
    (p) =>
      p.roundId === roundId &&
      roles.includes(p.role) &&
      (TAKING_PART as readonly string[]).includes(p.status),
  );
const isOwn = (a: Actor, personId: string) =>
  a.user?.personId != null && a.user.personId === personId;
const isFocalPointOf = (a: Actor, seriesId: string, delegationId: string | null | undefined) =>
  delegationId != null && focalPointDelegations(a, seriesId).includes(delegationId);

/**
 * Who is in the room is confidential (Chatham House covers the participant list itself).
 * Organisers see all; rapporteurs and moderators of the round see all (they need the room list);
 * focal points see their own delegation's; a participant sees only their own participation.
 * The public gets 404; sponsors and others 403.
 */
export const participationsPolicy = {
  readAll: (a: Actor, seriesId: string, roundId: string) =>
    isOrganiser(a, seriesId) || takesPartAs(a, roundId, ['rapporteur', 'moderator']),
  list: (a: Actor, seriesId: string, roundId: string) =>
    participationsPolicy.readAll(a, seriesId, roundId) ||
    focalPointDelegations(a, seriesId).length > 0 ||
    a.participations.some((p) => p.roundId === roundId),
  read: (
    a: Actor,
    p: { seriesId: string; roundId: string; delegationId: string | null; personId: string },
  ) =>
    participationsPolicy.readAll(a, p.seriesId, p.roundId) ||
    isFocalPointOf(a, p.seriesId, p.delegationId) ||
    isOwn(a, p.personId),
  /** Organisers add participants directly (approved) and decide on nominations. */
  manage: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  /** A focal point nominates for their own delegation only, and only to a delegation role. */
  nominate: (
    a: Actor,
    seriesId: string,
    delegationId: string | null | undefined,
    role: ParticipationRole,
  ) => isFocalPointOf(a, seriesId, delegationId) && DELEGATION_ROLES.includes(role),
  respond: (a: Actor, personId: string) => isOwn(a, personId),
  /**
   * Delegates named in a published outcome report are public, as in the announcement itself;
   * attendees, rapporteurs and moderators never are.
   */
  readPublishedDelegates: (round: { status: string }) => round.status === 'report_published',
  /** The balance of the room: counts only, for those who compose it. */
  balance: (a: Actor, seriesId: string) =>
    isOrganiser(a, seriesId) || focalPointDelegations(a, seriesId).length > 0,
};
