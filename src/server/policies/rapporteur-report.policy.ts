import { isOrganiser, type Actor } from '../auth/actor.ts';
import {
  isOutcomeReader,
  isOutcomeWriter,
  isRapporteurOf,
  isRoundParticipant,
  type OutcomeScope,
} from './outcomes.policy.ts';

/**
 * The rapporteur's report is under the rapporteur's sole responsibility: only rapporteurs write
 * it and open its review; organisers approve it for publication. Participants read it once it is
 * in review and comment privately during the window.
 */
export const rapporteurReportPolicy = {
  readAlways: (a: Actor, s: OutcomeScope) => isOutcomeReader(a, s),
  readOnceShared: (a: Actor, s: OutcomeScope) => isRoundParticipant(a, s),
  write: (a: Actor, s: OutcomeScope) => isRapporteurOf(a, s),
  openReview: (a: Actor, s: OutcomeScope) => isRapporteurOf(a, s),
  approve: (a: Actor, s: OutcomeScope) => isOrganiser(a, s.seriesId),
  publish: (a: Actor, s: OutcomeScope) => isOrganiser(a, s.seriesId),
  comment: (a: Actor, s: OutcomeScope) => isRoundParticipant(a, s),
  /** Every review comment: the rapporteurs and organisers; anyone else sees only their own. */
  readAllComments: (a: Actor, s: OutcomeScope) => isOutcomeWriter(a, s),
};
