import type { Me } from '../../domain/accounts.ts';
import type { Actor } from '../auth/actor.ts';

export const presentMe = (actor: Actor): Me => ({
  user: actor.user && { ...actor.user },
  csrfToken: actor.csrfToken,
  seriesRoles: [...actor.seriesRoles],
  participations: actor.participations.map(({ roundId, role, delegationId }) => ({
    roundId,
    role,
    delegationId,
  })),
});
