import type { ParticipationRole, ParticipationStatus, SeriesRole } from '../../domain/enums.ts';

/**
 * Who is making a request, with every grant the policies need, loaded once per request.
 * The anonymous public is an actor with no user.
 */
export interface Actor {
  user: {
    id: string;
    email: string;
    displayName: string;
    isAdmin: boolean;
    personId: string | null;
  } | null;
  /** The signed-in session's CSRF token (null for the public). */
  csrfToken: string | null;
  seriesRoles: ReadonlyArray<{ seriesId: string; role: SeriesRole; delegationId: string | null }>;
  participations: ReadonlyArray<{
    participationId: string;
    roundId: string;
    seriesId: string;
    role: ParticipationRole;
    status: ParticipationStatus;
    delegationId: string | null;
  }>;
}

export const PUBLIC: Actor = { user: null, csrfToken: null, seriesRoles: [], participations: [] };

export const isAdmin = (a: Actor) => a.user?.isAdmin === true;
export const hasSeriesRole = (a: Actor, seriesId: string, role: SeriesRole) =>
  a.seriesRoles.some((r) => r.seriesId === seriesId && r.role === role);
/** Conveners and partners: the same rights over their series. */
export const isOrganiser = (a: Actor, seriesId: string) =>
  isAdmin(a) || hasSeriesRole(a, seriesId, 'organiser');
export const focalPointDelegations = (a: Actor, seriesId: string) =>
  a.seriesRoles
    .filter((r) => r.seriesId === seriesId && r.role === 'focal_point')
    .map((r) => r.delegationId!);
/** Participations that let the person take part (approved through confirmed). */
export const activeParticipation = (a: Actor, roundId: string) =>
  a.participations.find(
    (p) =>
      p.roundId === roundId && ['approved', 'invited', 'accepted', 'confirmed'].includes(p.status),
  );
