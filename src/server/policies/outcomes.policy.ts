import { activeParticipation, isOrganiser, type Actor } from '../auth/actor.ts';
import { isModeratorOf } from './statements.policy.ts';

/**
 * Where the actor stands towards a round's outcomes. `sessionRapporteur` is looked up by the
 * service: the actor's person reports on one of the round's sessions (sessions.rapporteur_person_id).
 */
export interface OutcomeScope {
  seriesId: string;
  roundId: string;
  sessionRapporteur: boolean;
}

/** The round's rapporteurs: participation role rapporteur, or a session's named rapporteur. */
export const isRapporteurOf = (a: Actor, s: OutcomeScope) =>
  s.sessionRapporteur || activeParticipation(a, s.roundId)?.role === 'rapporteur';
/** Who writes outcomes: the round's rapporteurs and the series' organisers. */
export const isOutcomeWriter = (a: Actor, s: OutcomeScope) =>
  isOrganiser(a, s.seriesId) || isRapporteurOf(a, s);
/** Who reads every outcome, drafts included: writers and the round's moderators. */
export const isOutcomeReader = (a: Actor, s: OutcomeScope) =>
  isOutcomeWriter(a, s) || isModeratorOf(a, s.seriesId, s.roundId);
/** The round's participants read what has been shared with them. */
export const isRoundParticipant = (a: Actor, s: OutcomeScope) =>
  activeParticipation(a, s.roundId) !== undefined;

/**
 * The rapporteur's workbench. Nothing here is public (the public report, composed elsewhere,
 * carries items approved as public): the public gets 404, sponsors and others 403.
 */
export const outcomesPolicy = {
  /** Any access at all: drafts for readers, shared items for participants. */
  enter: (a: Actor, s: OutcomeScope) => isOutcomeReader(a, s) || isRoundParticipant(a, s),
  readDrafts: (a: Actor, s: OutcomeScope) => isOutcomeReader(a, s),
  write: (a: Actor, s: OutcomeScope) => isOutcomeWriter(a, s),
  /** Sharing with participants is the writers' call; approving for publication the organisers'. */
  shareWithParticipants: (a: Actor, s: OutcomeScope) => isOutcomeWriter(a, s),
  approveForPublication: (a: Actor, s: OutcomeScope) => isOrganiser(a, s.seriesId),
};
