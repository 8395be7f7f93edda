import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId } from '../ids.ts';

export interface AuditRecord {
  actorUserId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  seriesId: string | null;
  detail?: Record<string, unknown>;
}

/** The audit log: permission changes, exports, views of confidential data, acts on sealed authors. */
export const audit = {
  async record(db: Kysely<Database>, at: Date, entry: AuditRecord) {
    await db
      .insertInto('audit_log')
      .values({
        id: newId(),
        at: at.toISOString(),
        actor_user_id: entry.actorUserId,
        action: entry.action,
        resource_type: entry.resourceType,
        resource_id: entry.resourceId,
        series_id: entry.seriesId,
        detail: JSON.stringify(entry.detail ?? {}),
      })
      .execute();
  },
  async list(
    db: Kysely<Database>,
    filter: { seriesId?: string },
    page: { limit: number; offset: number },
  ) {
    let q = db.selectFrom('audit_log');
    if (filter.seriesId) q = q.where('series_id', '=', filter.seriesId);
    const [rows, count] = await Promise.all([
      q
        .selectAll()
        .orderBy('at', 'desc')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
};
