import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { HttpError, notFound } from '../http/errors.ts';
import type { OutcomeScope } from '../policies/outcomes.policy.ts';
import { outcomesRepo } from '../repositories/outcomes.repository.ts';

/** A round and where the actor stands towards its outcomes (404 when the round does not exist). */
export async function loadOutcomeScope(deps: Deps, actor: Actor, roundId: string) {
  const db = deps.db.kysely;
  const round = await outcomesRepo.round(db, roundId);
  if (!round) throw notFound('round');
  const scope: OutcomeScope = {
    seriesId: round.series_id,
    roundId,
    sessionRapporteur: await outcomesRepo.isSessionRapporteur(db, roundId, actor.user?.personId),
  };
  return { round, scope };
}

/**
 * A stale edit: someone saved a newer version first. The problem carries the current text and
 * version (`current`) so the client can show both sides and let the writer merge; nothing is
 * overwritten.
 */
export class VersionConflict extends HttpError {
  constructor(readonly current: { version: number; title?: string; body: string }) {
    super(
      409,
      'Conflict',
      `Someone saved version ${current.version} after the version your edit is based on; merge your changes into it and send baseVersion ${current.version}.`,
      [
        {
          field: 'body.baseVersion',
          message: `is stale: the current version is ${current.version}`,
        },
      ],
    );
  }

  override toProblem() {
    return { ...super.toProblem(), current: this.current };
  }
}

export const stale = (
  baseVersion: number,
  current: { version: number; title?: string; body: string },
) => (baseVersion === current.version ? null : new VersionConflict(current));
