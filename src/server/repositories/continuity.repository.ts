import type { Kysely, Transaction } from 'kysely';
import type { Database, StatementRepeatsTable } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** What the continuity of a series is made of: its rounds, closing status changes, carries and statements asked again. */
export const continuityRepo = {
  series(db: Conn, id: string) {
    return db.selectFrom('series').select(['id']).where('id', '=', id).executeTakeFirst();
  },
  rounds(db: Conn, seriesId: string) {
    return db
      .selectFrom('rounds')
      .select(['id', 'number', 'starts_on'])
      .where('series_id', '=', seriesId)
      .orderBy('number')
      .execute();
  },
  carries(db: Conn, seriesId: string) {
    return db
      .selectFrom('recommendation_carries')
      .innerJoin('rounds', 'rounds.id', 'recommendation_carries.round_id')
      .select(['recommendation_carries.recommendation_id', 'recommendation_carries.round_id'])
      .where('rounds.series_id', '=', seriesId)
      .execute();
  },
  /** The first change of each recommendation of the series into a closed status. */
  closings(db: Conn, seriesId: string, closed: readonly string[]) {
    return db
      .selectFrom('recommendation_status_changes')
      .innerJoin(
        'recommendations',
        'recommendations.id',
        'recommendation_status_changes.recommendation_id',
      )
      .innerJoin('rounds', 'rounds.id', 'recommendations.round_id')
      .select([
        'recommendation_status_changes.recommendation_id',
        'recommendation_status_changes.on_date',
        'recommendations.status',
      ])
      .where('rounds.series_id', '=', seriesId)
      .where('recommendation_status_changes.status', 'in', [...closed])
      .orderBy('recommendation_status_changes.at')
      .execute();
  },
  /** A statement with its session, round and series, for linking it across rounds. */
  statementInSeries(db: Conn, id: string) {
    return db
      .selectFrom('statements')
      .innerJoin('sessions', 'sessions.id', 'statements.session_id')
      .innerJoin('rounds', 'rounds.id', 'sessions.round_id')
      .select([
        'statements.id',
        'statements.text',
        'statements.session_id',
        'sessions.round_id',
        'rounds.number as round_number',
        'rounds.series_id',
      ])
      .where('statements.id', '=', id)
      .executeTakeFirst();
  },
  async insertRepeat(db: Conn, row: StatementRepeatsTable) {
    await db.insertInto('statement_repeats').values(row).execute();
  },
  /** Every link between statements of the series, with both statements' session and round. */
  repeats(db: Conn, seriesId: string) {
    return db
      .selectFrom('statement_repeats')
      .innerJoin('statements', 'statements.id', 'statement_repeats.statement_id')
      .innerJoin('sessions', 'sessions.id', 'statements.session_id')
      .innerJoin('rounds', 'rounds.id', 'sessions.round_id')
      .select(['statement_repeats.statement_id', 'statement_repeats.repeat_of_id'])
      .where('rounds.series_id', '=', seriesId)
      .execute();
  },
  statements(db: Conn, ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db
      .selectFrom('statements')
      .innerJoin('sessions', 'sessions.id', 'statements.session_id')
      .innerJoin('rounds', 'rounds.id', 'sessions.round_id')
      .select([
        'statements.id',
        'statements.text',
        'statements.session_id',
        'sessions.round_id',
        'rounds.number as round_number',
      ])
      .where('statements.id', 'in', ids)
      .execute();
  },
};
