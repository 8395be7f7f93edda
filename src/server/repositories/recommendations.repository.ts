import type { Kysely, Transaction } from 'kysely';
import type {
  Database,
  RecommendationCarriesTable,
  RecommendationStatusChangesTable,
  RecommendationsTable,
} from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** Recommendations, their status history and the later rounds they were carried into. */
export const recommendationsRepo = {
  async nextNumber(db: Conn, roundId: string) {
    const row = await db
      .selectFrom('recommendations')
      .select((eb) => eb.fn.max<number | null>('number').as('n'))
      .where('round_id', '=', roundId)
      .executeTakeFirst();
    return row?.n === null || row?.n === undefined ? 1 : Number(row.n) + 1;
  },
  async insert(db: Conn, row: RecommendationsTable) {
    await db.insertInto('recommendations').values(row).execute();
  },
  async update(
    db: Conn,
    id: string,
    patch: Partial<
      Pick<RecommendationsTable, 'title' | 'body' | 'addressees' | 'status' | 'updated_at'>
    >,
  ) {
    await db.updateTable('recommendations').set(patch).where('id', '=', id).execute();
  },
  /** A recommendation with its round's number and series. */
  find(db: Conn, id: string) {
    return db
      .selectFrom('recommendations')
      .innerJoin('rounds', 'rounds.id', 'recommendations.round_id')
      .selectAll('recommendations')
      .select(['rounds.number as round_number', 'rounds.series_id'])
      .where('recommendations.id', '=', id)
      .executeTakeFirst();
  },
  /** Those made in the round, and those carried into it, oldest round first. */
  listForRound(db: Conn, roundId: string) {
    return db
      .selectFrom('recommendations')
      .innerJoin('rounds', 'rounds.id', 'recommendations.round_id')
      .selectAll('recommendations')
      .select(['rounds.number as round_number', 'rounds.series_id'])
      .where((eb) =>
        eb.or([
          eb('recommendations.round_id', '=', roundId),
          eb(
            'recommendations.id',
            'in',
            eb
              .selectFrom('recommendation_carries')
              .select('recommendation_id')
              .where('round_id', '=', roundId),
          ),
        ]),
      )
      .orderBy('rounds.number')
      .orderBy('recommendations.number')
      .execute();
  },
  listForSeries(db: Conn, seriesId: string) {
    return db
      .selectFrom('recommendations')
      .innerJoin('rounds', 'rounds.id', 'recommendations.round_id')
      .selectAll('recommendations')
      .select(['rounds.number as round_number', 'rounds.series_id'])
      .where('rounds.series_id', '=', seriesId)
      .orderBy('rounds.number')
      .orderBy('recommendations.number')
      .execute();
  },
  async insertStatusChange(db: Conn, row: RecommendationStatusChangesTable) {
    await db.insertInto('recommendation_status_changes').values(row).execute();
  },
  history(db: Conn, ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db
      .selectFrom('recommendation_status_changes')
      .selectAll()
      .where('recommendation_id', 'in', ids)
      .orderBy('at')
      .orderBy('id')
      .execute();
  },
  async insertCarry(db: Conn, row: RecommendationCarriesTable) {
    await db.insertInto('recommendation_carries').values(row).execute();
  },
  carries(db: Conn, ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db
      .selectFrom('recommendation_carries')
      .innerJoin('rounds', 'rounds.id', 'recommendation_carries.round_id')
      .select([
        'recommendation_carries.recommendation_id',
        'recommendation_carries.round_id',
        'recommendation_carries.at',
        'rounds.number',
      ])
      .where('recommendation_carries.recommendation_id', 'in', ids)
      .orderBy('rounds.number')
      .execute();
  },
};
