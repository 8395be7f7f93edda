import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';

type NewLiveEvent = Omit<Database['live_events'], 'seq'>;

/** Live events of sessions: an append-only log that reconnecting clients replay from. */
export const liveEvents = {
  /**
   * Appends an event and returns its seq; a snapshot event deletes the earlier ones of its type.
   * On PostgreSQL the NOTIFY is sent in the same transaction, so other processes hear of the
   * event exactly when it becomes visible.
   */
  async append(
    db: Db,
    row: NewLiveEvent,
    options: { channel: string; replacesEarlier: boolean },
  ): Promise<number> {
    return db.kysely.transaction().execute(async (trx) => {
      // Serialises a session's appends across processes, so seq order is commit order and a client
      // resuming after seq n can never miss an event with a smaller seq that committed later.
      if (db.dialect === 'postgres')
        await sql`select pg_advisory_xact_lock(hashtext(${`parley-live:${row.session_id}`}))`.execute(
          trx,
        );
      const inserted = await trx
        .insertInto('live_events')
        .values(row)
        .returning('seq')
        .executeTakeFirstOrThrow();
      const seq = Number(inserted.seq);
      if (options.replacesEarlier) {
        // A snapshot (the analysis, the counts) makes its predecessors worthless to a reconnecting client.
        await trx
          .deleteFrom('live_events')
          .where('session_id', '=', row.session_id)
          .where('type', '=', row.type)
          .where('seq', '<', seq)
          .execute();
      }
      if (db.dialect === 'postgres')
        await sql`select pg_notify(${options.channel}, ${`${row.session_id}:${seq}`})`.execute(trx);
      return seq;
    });
  },
  async listAfter(db: Kysely<Database>, sessionId: string, afterSeq: number, limit = 5000) {
    return db
      .selectFrom('live_events')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
  },
  async latestSeq(db: Kysely<Database>, sessionId: string): Promise<number> {
    const row = await db
      .selectFrom('live_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  },
  async findBySeq(db: Kysely<Database>, seq: number) {
    return db.selectFrom('live_events').selectAll().where('seq', '=', seq).executeTakeFirst();
  },
};
