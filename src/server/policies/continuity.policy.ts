import { isOrganiser, type Actor } from '../auth/actor.ts';
import { TAKING_PART } from './participations.policy.ts';

/**
 * The series' continuity (recommendations and convergence across rounds): organisers, and the
 * rapporteurs of any of its rounds, who write the outcomes it follows.
 */
export const continuityPolicy = {
  read: (a: Actor, seriesId: string) =>
    isOrganiser(a, seriesId) ||
    a.participations.some(
      (p) =>
        p.seriesId === seriesId &&
        p.role === 'rapporteur' &&
        (TAKING_PART as readonly string[]).includes(p.status),
    ),
  /** Linking a statement asked again to the earlier one: organisers. */
  linkStatements: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
};
