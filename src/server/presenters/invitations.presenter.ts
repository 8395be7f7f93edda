import type { z } from 'zod';
import type { InvitationListItem, InvitationState } from '../../domain/accounts.ts';
import type { SeriesRole } from '../../domain/enums.ts';
import type { InvitationsTable } from '../db/schema.ts';

/** Where an invitation stands at a given instant. */
export function invitationState(row: InvitationsTable | undefined, now: Date): InvitationState {
  if (!row) return 'unknown';
  if (row.used_at) return 'used';
  return row.expires_at <= now.toISOString() ? 'expired' : 'valid';
}

/** Never the token hash; the link only when the caller has the secret (right after creation). */
export const presentInvitation = (
  row: InvitationsTable,
  now: Date,
  secret?: { link: string; emailed: boolean },
): z.infer<typeof InvitationListItem> => ({
  id: row.id,
  email: row.email,
  participationId: row.participation_id,
  seriesId: row.series_id,
  seriesRole: row.series_role as SeriesRole | null,
  delegationId: row.delegation_id,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  createdAt: row.created_at,
  state: invitationState(row, now),
  ...(secret ?? {}),
});
