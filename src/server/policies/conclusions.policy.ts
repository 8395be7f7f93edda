import { type Actor } from '../auth/actor.ts';
import {
  isOutcomeReader,
  isOutcomeWriter,
  isRoundParticipant,
  type OutcomeScope,
} from './outcomes.policy.ts';
import { TAKING_PART } from './participations.policy.ts';

/** The delegation whose head the actor is in this round (null when not a head). */
export const headedDelegation = (a: Actor, roundId: string) =>
  a.participations.find(
    (p) =>
      p.roundId === roundId &&
      p.role === 'head_of_delegation' &&
      p.delegationId !== null &&
      (TAKING_PART as readonly string[]).includes(p.status),
  )?.delegationId ?? null;

/** Agreed conclusions: drafted by rapporteurs and organisers, read by the round, endorsed by each delegation's head. */
export const conclusionsPolicy = {
  read: (a: Actor, s: OutcomeScope) => isOutcomeReader(a, s) || isRoundParticipant(a, s),
  write: (a: Actor, s: OutcomeScope) => isOutcomeWriter(a, s),
  endorse: (a: Actor, s: OutcomeScope) => headedDelegation(a, s.roundId) !== null,
};
