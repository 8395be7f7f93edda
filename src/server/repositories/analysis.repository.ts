import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** What the analysis of a session reads, and its stored result. */
export const analysisRepo = {
  /** Statements the engine sees: approved ones, and rejected or merged ones (as moderated out). Pending ones are not yet in the room. */
  async statements(db: Kysely<Database>, sessionId: string) {
    return db
      .selectFrom('statements')
      .select(['id', 'status', 'is_meta'])
      .where('session_id', '=', sessionId)
      .where('status', 'in', ['approved', 'rejected', 'merged'])
      .orderBy('position')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },
  async votes(db: Kysely<Database>, sessionId: string) {
    return db
      .selectFrom('votes')
      .select(['participation_id', 'statement_id', 'value', 'updated_at'])
      .where('session_id', '=', sessionId)
      .orderBy('updated_at')
      .orderBy('client_vote_id')
      .execute();
  },
  /** The voters' delegation and background (participations joined to people). */
  async voters(db: Kysely<Database>, sessionId: string) {
    return db
      .selectFrom('participations')
      .innerJoin('people', 'people.id', 'participations.person_id')
      .select(['participations.id', 'participations.delegation_id', 'people.background'])
      .where('participations.id', 'in', (eb) =>
        eb.selectFrom('votes').select('participation_id').where('session_id', '=', sessionId),
      )
      .execute();
  },
  async find(db: Kysely<Database>, sessionId: string) {
    return db
      .selectFrom('analysis_results')
      .selectAll()
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
  },
  /** Sessions with votes and no release, or closed and not finally released. */
  async sessionsAwaitingRelease(db: Kysely<Database>): Promise<string[]> {
    const rows = await db
      .selectFrom('sessions')
      .leftJoin('analysis_results', 'analysis_results.session_id', 'sessions.id')
      .select('sessions.id')
      .where((eb) =>
        eb.or([
          eb.and([
            eb('analysis_results.session_id', 'is', null),
            eb.exists(
              eb
                .selectFrom('votes')
                .select('votes.session_id')
                .whereRef('votes.session_id', '=', 'sessions.id'),
            ),
          ]),
          eb.and([eb('sessions.status', '=', 'closed'), eb('analysis_results.final', '=', 0)]),
        ]),
      )
      .execute();
    return rows.map((r) => r.id);
  },
  async findMany(db: Kysely<Database>, sessionIds: string[]) {
    if (sessionIds.length === 0) return [];
    return db
      .selectFrom('analysis_results')
      .selectAll()
      .where('session_id', 'in', sessionIds)
      .execute();
  },
  async save(db: Kysely<Database>, row: Database['analysis_results']) {
    await db
      .insertInto('analysis_results')
      .values(row)
      .onConflict((oc) =>
        oc.column('session_id').doUpdateSet({
          computed_at: row.computed_at,
          describes_until: row.describes_until,
          vote_count: row.vote_count,
          result: row.result,
          release_seq: row.release_seq,
          final: row.final,
          released: row.released,
          summary: row.summary,
        }),
      )
      .execute();
  },
  /** PostgreSQL only: serialises recomputations of one session across server processes until the transaction ends. */
  async lockSession(db: Kysely<Database>, sessionId: string) {
    await sql`select pg_advisory_xact_lock(hashtext(${`parley-analysis:${sessionId}`}))`.execute(
      db,
    );
  },
  async session(db: Kysely<Database>, sessionId: string) {
    return db
      .selectFrom('sessions')
      .innerJoin('rounds', 'rounds.id', 'sessions.round_id')
      .innerJoin('series', 'series.id', 'rounds.series_id')
      .select([
        'series.k_anonymity',
        'sessions.id',
        'sessions.round_id',
        'sessions.title',
        'sessions.position',
        'sessions.status',
        'sessions.attribution_rule',
        'rounds.series_id',
      ])
      .where('sessions.id', '=', sessionId)
      .executeTakeFirst();
  },
  async roundSessions(db: Kysely<Database>, roundId: string) {
    return db
      .selectFrom('sessions')
      .select(['id', 'title', 'position', 'status', 'attribution_rule'])
      .where('round_id', '=', roundId)
      .orderBy('position')
      .orderBy('id')
      .execute();
  },
  async round(db: Kysely<Database>, roundId: string) {
    return db
      .selectFrom('rounds')
      .select(['id', 'series_id'])
      .where('id', '=', roundId)
      .executeTakeFirst();
  },
  async delegations(db: Kysely<Database>, seriesId: string) {
    return db
      .selectFrom('delegations')
      .select(['id', 'name', 'position'])
      .where('series_id', '=', seriesId)
      .execute();
  },
};
