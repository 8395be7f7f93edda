import type { z } from 'zod';
import type { AuditEntry } from '../../domain/accounts.ts';
import type { AuditLogTable } from '../db/schema.ts';

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export const presentAuditEntry = (row: AuditLogTable): z.infer<typeof AuditEntry> => ({
  id: row.id,
  at: row.at,
  actorUserId: row.actor_user_id,
  action: row.action,
  resourceType: row.resource_type,
  resourceId: row.resource_id,
  seriesId: row.series_id,
  detail: parseDetail(row.detail),
});
