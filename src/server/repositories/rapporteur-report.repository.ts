import type { Kysely, Transaction } from 'kysely';
import type {
  Database,
  RapporteurReportCommentsTable,
  RapporteurReportsTable,
} from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** The rapporteur's report of a round and its private review comments. */
export const rapporteurReportRepo = {
  findByRound(db: Conn, roundId: string) {
    return db
      .selectFrom('rapporteur_reports')
      .selectAll()
      .where('round_id', '=', roundId)
      .executeTakeFirst();
  },
  async insert(db: Conn, row: RapporteurReportsTable) {
    await db.insertInto('rapporteur_reports').values(row).execute();
  },
  /** Writes the text only if still at `baseVersion` and not yet approved; false otherwise. */
  async updateBodyAtVersion(
    db: Conn,
    id: string,
    baseVersion: number,
    patch: Pick<RapporteurReportsTable, 'body' | 'version' | 'updated_at'>,
  ) {
    const result = await db
      .updateTable('rapporteur_reports')
      .set(patch)
      .where('id', '=', id)
      .where('version', '=', baseVersion)
      .where('status', '!=', 'approved_for_publication')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
  async update(
    db: Conn,
    id: string,
    patch: Partial<Omit<RapporteurReportsTable, 'id' | 'round_id'>>,
  ) {
    await db.updateTable('rapporteur_reports').set(patch).where('id', '=', id).execute();
  },
  async insertComment(db: Conn, row: RapporteurReportCommentsTable) {
    await db.insertInto('rapporteur_report_comments').values(row).execute();
  },
  /** Comments in order, with the author's display name (for rapporteurs and organisers only), optionally one author's. */
  comments(db: Conn, reportId: string, onlyAuthor?: string) {
    let q = db
      .selectFrom('rapporteur_report_comments')
      .leftJoin('users', 'users.id', 'rapporteur_report_comments.author_user_id')
      .select([
        'rapporteur_report_comments.id',
        'rapporteur_report_comments.author_user_id',
        'rapporteur_report_comments.body',
        'rapporteur_report_comments.at',
        'users.display_name',
      ])
      .where('rapporteur_report_comments.report_id', '=', reportId);
    if (onlyAuthor) q = q.where('rapporteur_report_comments.author_user_id', '=', onlyAuthor);
    return q
      .orderBy('rapporteur_report_comments.at')
      .orderBy('rapporteur_report_comments.id')
      .execute();
  },
};
