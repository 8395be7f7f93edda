import type { Kysely, Transaction } from 'kysely';
import type { ConclusionEndorsementsTable, ConclusionsTable, Database } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** Agreed conclusions of a round and their endorsements per delegation. */
export const conclusionsRepo = {
  findByRound(db: Conn, roundId: string) {
    return db
      .selectFrom('conclusions')
      .selectAll()
      .where('round_id', '=', roundId)
      .executeTakeFirst();
  },
  async insert(db: Conn, row: ConclusionsTable) {
    await db.insertInto('conclusions').values(row).execute();
  },
  /** Writes only if still at `baseVersion` and not frozen; false otherwise. */
  async updateAtVersion(
    db: Conn,
    id: string,
    baseVersion: number,
    patch: Pick<ConclusionsTable, 'body' | 'version' | 'updated_at'>,
  ) {
    const result = await db
      .updateTable('conclusions')
      .set(patch)
      .where('id', '=', id)
      .where('version', '=', baseVersion)
      .where('frozen_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
  async freeze(db: Conn, id: string, version: number, at: string) {
    await db
      .updateTable('conclusions')
      .set({ frozen_at: at })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('frozen_at', 'is', null)
      .execute();
  },
  async endorse(db: Conn, row: ConclusionEndorsementsTable) {
    await db
      .insertInto('conclusion_endorsements')
      .values(row)
      .onConflict((oc) => oc.columns(['conclusion_id', 'delegation_id', 'version']).doNothing())
      .execute();
  },
  endorsements(db: Conn, conclusionId: string, version: number) {
    return db
      .selectFrom('conclusion_endorsements')
      .select(['delegation_id', 'at'])
      .where('conclusion_id', '=', conclusionId)
      .where('version', '=', version)
      .execute();
  },
  delegations(db: Conn, seriesId: string) {
    return db
      .selectFrom('delegations')
      .select(['id', 'name', 'position'])
      .where('series_id', '=', seriesId)
      .orderBy('position')
      .orderBy('id')
      .execute();
  },
};
