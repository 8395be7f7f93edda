import type { ParticipationRole, ParticipationStatus, RoundStatus } from './enums.ts';

/** Which participation statuses may follow which. Shared by the server (enforced) and the web app (buttons). */
export const PARTICIPATION_TRANSITIONS: Record<
  ParticipationStatus,
  readonly ParticipationStatus[]
> = {
  nominated: ['approved', 'withdrawn'],
  approved: ['invited', 'withdrawn'],
  invited: ['accepted', 'declined', 'withdrawn'],
  accepted: ['confirmed', 'declined', 'withdrawn'],
  confirmed: ['withdrawn'],
  declined: ['approved'],
  withdrawn: ['nominated'],
};

export const ROUND_TRANSITIONS: Record<RoundStatus, readonly RoundStatus[]> = {
  planned: ['in_session'],
  in_session: ['concluded', 'planned'],
  concluded: ['report_published', 'in_session'],
  report_published: ['concluded'],
};

/** What a delegation's focal point may do to its participations: nominate again, or withdraw. */
export const FOCAL_POINT_STATUSES: readonly ParticipationStatus[] = ['nominated', 'withdrawn'];
/** Roles a focal point may nominate to: members of a delegation. Rapporteurs, moderators and organisers see the whole room, so organisers assign them. */
export const DELEGATION_ROLES: readonly ParticipationRole[] = [
  'head_of_delegation',
  'delegate',
  'attendee',
  'observer',
];
