import type { z } from 'zod';
import type { SeriesMember } from '../../domain/accounts.ts';
import type { SeriesRole } from '../../domain/enums.ts';
import type { SeriesMembersTable } from '../db/schema.ts';

export const presentMember = (
  row: SeriesMembersTable & { email: string; display_name: string },
): z.infer<typeof SeriesMember> => ({
  id: row.id,
  seriesId: row.series_id,
  userId: row.user_id,
  role: row.role as SeriesRole,
  delegationId: row.delegation_id,
  email: row.email,
  displayName: row.display_name,
});
