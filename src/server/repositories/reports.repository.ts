import type { Kysely, Transaction } from 'kysely';
import type { Database, ReportsTable, ReportVersionsTable } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** Public outcome reports: the editable draft and its published versions. The only place their SQL is written. */
export const reportsRepo = {
  async insert(db: Conn, row: ReportsTable) {
    await db.insertInto('reports').values(row).execute();
  },
  find(db: Conn, id: string) {
    return db
      .selectFrom('reports')
      .innerJoin('rounds', 'rounds.id', 'reports.round_id')
      .selectAll('reports')
      .select(['rounds.series_id', 'rounds.number as round_number'])
      .where('reports.id', '=', id)
      .executeTakeFirst();
  },
  findByRound(db: Conn, roundId: string) {
    return db.selectFrom('reports').selectAll().where('round_id', '=', roundId).executeTakeFirst();
  },
  /**
   * Writes the draft only if nobody changed it since `baseVersion` (optimistic concurrency);
   * returns false when the version moved on.
   */
  async updateIfVersion(
    db: Conn,
    id: string,
    baseVersion: number,
    patch: Partial<Omit<ReportsTable, 'id' | 'round_id' | 'edit_version' | 'created_at'>>,
  ) {
    const result = await db
      .updateTable('reports')
      .set({ ...patch, edit_version: baseVersion + 1 })
      .where('id', '=', id)
      .where('edit_version', '=', baseVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
  /** Changes the status of exactly the text of `version` (approval, publication); false when the text moved on. */
  async setStatusIfVersion(
    db: Conn,
    id: string,
    version: number,
    patch: Pick<ReportsTable, 'status' | 'updated_at'> &
      Partial<Pick<ReportsTable, 'approved_by' | 'approved_at'>>,
  ) {
    const result = await db
      .updateTable('reports')
      .set(patch)
      .where('id', '=', id)
      .where('edit_version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
  async insertVersion(db: Conn, row: ReportVersionsTable) {
    await db.insertInto('report_versions').values(row).execute();
  },
  async latestPublishedNumber(db: Conn, reportId: string): Promise<number> {
    const row = await db
      .selectFrom('report_versions')
      .select((eb) => eb.fn.max<number>('version').as('v'))
      .where('report_id', '=', reportId)
      .executeTakeFirst();
    return Number(row?.v ?? 0);
  },
  /** The version the public sees: the latest published one. */
  latestPublished(db: Conn, reportId: string) {
    return db
      .selectFrom('report_versions')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  },
  /** Every round of a series with a published report, with its latest version number. */
  publishedRoundsOfSeries(db: Conn, seriesId: string) {
    return db
      .selectFrom('reports')
      .innerJoin('rounds', 'rounds.id', 'reports.round_id')
      .innerJoin('report_versions', 'report_versions.report_id', 'reports.id')
      .select(['rounds.id as round_id', 'rounds.number', 'reports.id as report_id'])
      .select((eb) => eb.fn.max<number>('report_versions.version').as('version'))
      .where('rounds.series_id', '=', seriesId)
      .groupBy(['rounds.id', 'rounds.number', 'reports.id'])
      .execute();
  },
  /** The latest published version of every report, newest first, for the Atom feed. */
  latestPublishedEverywhere(db: Conn, limit: number) {
    return db
      .selectFrom('report_versions')
      .innerJoin('reports', 'reports.id', 'report_versions.report_id')
      .innerJoin('rounds', 'rounds.id', 'reports.round_id')
      .innerJoin('series', 'series.id', 'rounds.series_id')
      .select([
        'report_versions.report_id',
        'report_versions.version',
        'report_versions.text_en',
        'report_versions.correction_note',
        'report_versions.published_at',
        'rounds.number as round_number',
        'series.slug',
        'series.title as series_title',
      ])
      .where(({ eb, selectFrom }) =>
        eb(
          'report_versions.version',
          '=',
          selectFrom('report_versions as v')
            .select((e) => e.fn.max<number>('v.version').as('m'))
            .whereRef('v.report_id', '=', 'report_versions.report_id'),
        ),
      )
      .orderBy('report_versions.published_at', 'desc')
      .limit(limit)
      .execute();
  },
  /** When each version was published, oldest first (for "Corrected on ..."). */
  versions(db: Conn, reportId: string) {
    return db
      .selectFrom('report_versions')
      .select(['version', 'correction_note', 'published_at'])
      .where('report_id', '=', reportId)
      .orderBy('version')
      .execute();
  },
};
