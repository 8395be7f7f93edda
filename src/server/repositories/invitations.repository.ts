import type { Kysely, Transaction } from 'kysely';
import type { Database, InvitationsTable } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** Invitations (stored by token hash only) and the participation facts an invitation needs. */
export const invitationsRepo = {
  async insert(db: Conn, row: InvitationsTable) {
    await db.insertInto('invitations').values(row).execute();
  },
  find(db: Conn, id: string) {
    return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByTokenHash(db: Conn, tokenHash: string) {
    return db
      .selectFrom('invitations')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  },
  async delete(db: Conn, id: string) {
    await db.deleteFrom('invitations').where('id', '=', id).execute();
  },
  async listForSeries(db: Conn, seriesId: string, page: { limit: number; offset: number }) {
    const q = db.selectFrom('invitations').where('series_id', '=', seriesId);
    const [rows, count] = await Promise.all([
      q
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
  /**
   * Marks the invitation used, only if nobody has: the single-use guarantee. Of two concurrent
   * accepts exactly one sees a changed row (PostgreSQL re-checks the WHERE after the row lock;
   * SQLite serialises writers).
   */
  async markUsed(db: Conn, id: string, atIso: string): Promise<boolean> {
    const result = await db
      .updateTable('invitations')
      .set({ used_at: atIso })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** A participation with its round and series, as an invitation to it needs them. */
  participationTarget(db: Conn, participationId: string) {
    return db
      .selectFrom('participations')
      .innerJoin('rounds', 'rounds.id', 'participations.round_id')
      .select([
        'participations.id',
        'participations.person_id',
        'participations.role',
        'participations.status',
        'participations.delegation_id',
        'rounds.series_id',
        'rounds.number as round_number',
        'rounds.city as round_city',
        'rounds.country as round_country',
        'rounds.starts_on as round_starts_on',
        'rounds.ends_on as round_ends_on',
      ])
      .where('participations.id', '=', participationId)
      .executeTakeFirst();
  },
  /** Moves a participation's status only from the expected one; false when it had moved on. */
  async moveParticipation(
    db: Conn,
    id: string,
    from: string[],
    to: string,
    atIso: string,
  ): Promise<boolean> {
    const result = await db
      .updateTable('participations')
      .set({ status: to, updated_at: atIso })
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
  delegationName(db: Conn, delegationId: string) {
    return db
      .selectFrom('delegations')
      .select(['name', 'series_id'])
      .where('id', '=', delegationId)
      .executeTakeFirst();
  },
};
