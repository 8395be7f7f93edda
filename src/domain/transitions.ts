import type { ParticipationStatus, RoundStatus } from './enums.ts';

/** Which participation statuses may follow which. Shared by the server (enforced) and the web app (buttons). */
export const PARTICIPATION_TRANSITIONS: Record<ParticipationStatus, readonly ParticipationStatus[]> = {
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
