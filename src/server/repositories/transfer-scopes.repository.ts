import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { DbRow } from './transfer.repository.ts';

type Conn = Kysely<Database> | Transaction<Database>;

// The sets of ids that scope each table to one series.
const roundIds = (db: Conn, seriesId: string) =>
  db.selectFrom('rounds').select('id').where('series_id', '=', seriesId);
const sessionIds = (db: Conn, seriesId: string) =>
  db.selectFrom('sessions').select('id').where('round_id', 'in', roundIds(db, seriesId));
const statementIds = (db: Conn, seriesId: string) =>
  db.selectFrom('statements').select('id').where('session_id', 'in', sessionIds(db, seriesId));
const itemIds = (db: Conn, seriesId: string) =>
  db.selectFrom('outcome_items').select('id').where('round_id', 'in', roundIds(db, seriesId));
const conclusionIds = (db: Conn, seriesId: string) =>
  db.selectFrom('conclusions').select('id').where('round_id', 'in', roundIds(db, seriesId));
const rapporteurReportIds = (db: Conn, seriesId: string) =>
  db.selectFrom('rapporteur_reports').select('id').where('round_id', 'in', roundIds(db, seriesId));
const recommendationIds = (db: Conn, seriesId: string) =>
  db.selectFrom('recommendations').select('id').where('round_id', 'in', roundIds(db, seriesId));
const publicReportIds = (db: Conn, seriesId: string) =>
  db.selectFrom('reports').select('id').where('round_id', 'in', roundIds(db, seriesId));

/**
 * For each table of the series document (transfer/tables.ts, by document key), the rows of
 * that table that belong to one series.
 */
export const seriesRows = {
  series: (db: Conn, seriesId: string) =>
    db.selectFrom('series').selectAll().where('id', '=', seriesId).execute(),
  organisations: (db: Conn, seriesId: string) =>
    db
      .selectFrom('organisations')
      .selectAll()
      .where(
        'id',
        'in',
        db
          .selectFrom('series_organisations')
          .select('organisation_id')
          .where('series_id', '=', seriesId),
      )
      .execute(),
  organisationParts: (db: Conn, seriesId: string) =>
    db.selectFrom('series_organisations').selectAll().where('series_id', '=', seriesId).execute(),
  delegations: (db: Conn, seriesId: string) =>
    db.selectFrom('delegations').selectAll().where('series_id', '=', seriesId).execute(),
  people: (db: Conn, seriesId: string) => {
    const sessions = db.selectFrom('sessions').where('round_id', 'in', roundIds(db, seriesId));
    return db
      .selectFrom('people')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb(
            'id',
            'in',
            db
              .selectFrom('participations')
              .select('person_id')
              .where('round_id', 'in', roundIds(db, seriesId)),
          ),
          eb(
            'id',
            'in',
            sessions.select('chair_person_id').where('chair_person_id', 'is not', null),
          ),
          eb(
            'id',
            'in',
            sessions.select('rapporteur_person_id').where('rapporteur_person_id', 'is not', null),
          ),
        ]),
      )
      .execute();
  },
  rounds: (db: Conn, seriesId: string) =>
    db.selectFrom('rounds').selectAll().where('series_id', '=', seriesId).execute(),
  sessions: (db: Conn, seriesId: string) =>
    db.selectFrom('sessions').selectAll().where('round_id', 'in', roundIds(db, seriesId)).execute(),
  participations: (db: Conn, seriesId: string) =>
    db
      .selectFrom('participations')
      .selectAll()
      .where('round_id', 'in', roundIds(db, seriesId))
      .execute(),
  seriesMembers: (db: Conn, seriesId: string) =>
    db.selectFrom('series_members').selectAll().where('series_id', '=', seriesId).execute(),
  statements: (db: Conn, seriesId: string) =>
    db
      .selectFrom('statements')
      .selectAll()
      .where('session_id', 'in', sessionIds(db, seriesId))
      .execute(),
  statementRevisions: (db: Conn, seriesId: string) =>
    db
      .selectFrom('statement_revisions')
      .selectAll()
      .where('statement_id', 'in', statementIds(db, seriesId))
      .execute(),
  votes: (db: Conn, seriesId: string) =>
    db
      .selectFrom('votes')
      .selectAll()
      .where('session_id', 'in', sessionIds(db, seriesId))
      .execute(),
  outcomeItems: (db: Conn, seriesId: string) =>
    db
      .selectFrom('outcome_items')
      .selectAll()
      .where('round_id', 'in', roundIds(db, seriesId))
      .execute(),
  outcomeEvidence: (db: Conn, seriesId: string) =>
    db
      .selectFrom('outcome_evidence')
      .selectAll()
      .where('item_id', 'in', itemIds(db, seriesId))
      .execute(),
  conclusions: (db: Conn, seriesId: string) =>
    db
      .selectFrom('conclusions')
      .selectAll()
      .where('round_id', 'in', roundIds(db, seriesId))
      .execute(),
  conclusionEndorsements: (db: Conn, seriesId: string) =>
    db
      .selectFrom('conclusion_endorsements')
      .selectAll()
      .where('conclusion_id', 'in', conclusionIds(db, seriesId))
      .execute(),
  rapporteurReports: (db: Conn, seriesId: string) =>
    db
      .selectFrom('rapporteur_reports')
      .selectAll()
      .where('round_id', 'in', roundIds(db, seriesId))
      .execute(),
  rapporteurReportComments: (db: Conn, seriesId: string) =>
    db
      .selectFrom('rapporteur_report_comments')
      .selectAll()
      .where('report_id', 'in', rapporteurReportIds(db, seriesId))
      .execute(),
  outcomeRevisions: (db: Conn, seriesId: string) =>
    db
      .selectFrom('outcome_revisions')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([
            eb('document_type', '=', 'outcome_item'),
            eb('document_id', 'in', itemIds(db, seriesId)),
          ]),
          eb.and([
            eb('document_type', '=', 'conclusions'),
            eb('document_id', 'in', conclusionIds(db, seriesId)),
          ]),
          eb.and([
            eb('document_type', '=', 'rapporteur_report'),
            eb('document_id', 'in', rapporteurReportIds(db, seriesId)),
          ]),
        ]),
      )
      .execute(),
  recommendations: (db: Conn, seriesId: string) =>
    db
      .selectFrom('recommendations')
      .selectAll()
      .where('round_id', 'in', roundIds(db, seriesId))
      .execute(),
  recommendationStatusChanges: (db: Conn, seriesId: string) =>
    db
      .selectFrom('recommendation_status_changes')
      .selectAll()
      .where('recommendation_id', 'in', recommendationIds(db, seriesId))
      .execute(),
  recommendationCarries: (db: Conn, seriesId: string) =>
    db
      .selectFrom('recommendation_carries')
      .selectAll()
      .where('recommendation_id', 'in', recommendationIds(db, seriesId))
      .execute(),
  statementRepeats: (db: Conn, seriesId: string) =>
    db
      .selectFrom('statement_repeats')
      .selectAll()
      .where('statement_id', 'in', statementIds(db, seriesId))
      .execute(),
  reports: (db: Conn, seriesId: string) =>
    db.selectFrom('reports').selectAll().where('round_id', 'in', roundIds(db, seriesId)).execute(),
  reportVersions: (db: Conn, seriesId: string) =>
    db
      .selectFrom('report_versions')
      .selectAll()
      .where('report_id', 'in', publicReportIds(db, seriesId))
      .execute(),
  reportComments: (db: Conn, seriesId: string) =>
    db
      .selectFrom('report_comments')
      .select([
        'id',
        'report_id',
        'parent_id',
        'author_name',
        'body',
        'status',
        // Written blank: a rate-limit key of a member of the public (reports.tables.ts).
        sql<string>`''`.as('address_hash'),
        'created_at',
        'moderated_by',
        'moderated_at',
      ])
      .where('report_id', 'in', publicReportIds(db, seriesId))
      .execute(),
} satisfies Record<string, (db: Conn, seriesId: string) => Promise<DbRow[]>>;
