import type { Kysely, Transaction } from 'kysely';
import type { Database, ReportCommentsTable } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** The public's comments on published reports. The only place their SQL is written. */
export const commentsRepo = {
  async insert(db: Conn, row: ReportCommentsTable) {
    await db.insertInto('report_comments').values(row).execute();
  },
  find(db: Conn, id: string) {
    return db
      .selectFrom('report_comments')
      .innerJoin('reports', 'reports.id', 'report_comments.report_id')
      .innerJoin('rounds', 'rounds.id', 'reports.round_id')
      .selectAll('report_comments')
      .select('rounds.series_id')
      .where('report_comments.id', '=', id)
      .executeTakeFirst();
  },
  async setStatus(db: Conn, id: string, status: string, by: string | null, at: string) {
    await db
      .updateTable('report_comments')
      .set({ status, moderated_by: by, moderated_at: at })
      .where('id', '=', id)
      .execute();
  },
  async listByStatus(
    db: Conn,
    reportId: string,
    status: string,
    page: { limit: number; offset: number },
  ) {
    const q = db
      .selectFrom('report_comments')
      .where('report_id', '=', reportId)
      .where('status', '=', status);
    const [rows, count] = await Promise.all([
      q
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
  /** Approved comments of a report, oldest first: what the public page shows. */
  approved(db: Conn, reportId: string) {
    return db
      .selectFrom('report_comments')
      .select(['id', 'parent_id', 'author_name', 'body', 'created_at'])
      .where('report_id', '=', reportId)
      .where('status', '=', 'approved')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },
  /** How many comments an address sent since an instant (the rate limit, shared by every process). */
  async countFromAddressSince(db: Conn, addressHash: string, since: string): Promise<number> {
    const row = await db
      .selectFrom('report_comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('address_hash', '=', addressHash)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
