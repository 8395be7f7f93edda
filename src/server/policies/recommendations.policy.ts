import { isOrganiser, type Actor } from '../auth/actor.ts';
import {
  isOutcomeReader,
  isOutcomeWriter,
  isRoundParticipant,
  type OutcomeScope,
} from './outcomes.policy.ts';

/** Recommendations: the round reads them, rapporteurs and organisers keep them, organisers carry them on. */
export const recommendationsPolicy = {
  read: (a: Actor, s: OutcomeScope) => isOutcomeReader(a, s) || isRoundParticipant(a, s),
  write: (a: Actor, s: OutcomeScope) => isOutcomeWriter(a, s),
  carry: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
};
