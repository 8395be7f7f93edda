import type { Kysely } from 'kysely';
import type { ParticipationRole, ParticipationStatus, SeriesRole } from '../../domain/enums.ts';
import type { Database } from '../db/schema.ts';

/** The grants an actor carries: series roles and round participations. */
export const grants = {
  async seriesRoles(db: Kysely<Database>, userId: string) {
    const rows = await db
      .selectFrom('series_members')
      .select(['series_id', 'role', 'delegation_id'])
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => ({
      seriesId: r.series_id,
      role: r.role as SeriesRole,
      delegationId: r.delegation_id,
    }));
  },
  async participations(db: Kysely<Database>, personId: string | null) {
    if (!personId) return [];
    const rows = await db
      .selectFrom('participations')
      .innerJoin('rounds', 'rounds.id', 'participations.round_id')
      .select([
        'participations.id',
        'participations.round_id',
        'rounds.series_id',
        'participations.role',
        'participations.status',
        'participations.delegation_id',
      ])
      .where('participations.person_id', '=', personId)
      .execute();
    return rows.map((r) => ({
      participationId: r.id,
      roundId: r.round_id,
      seriesId: r.series_id,
      role: r.role as ParticipationRole,
      status: r.status as ParticipationStatus,
      delegationId: r.delegation_id,
    }));
  },
};
