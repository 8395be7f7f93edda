import type { Kysely, Transaction } from 'kysely';
import type { Database, StatementRevisionsTable, StatementsTable } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** What a listing may show: everything (moderators), or approved ones plus the viewer's own. */
export interface StatementFilter {
  status?: string;
  /** Pending statements only if created before this instant (batched queues). */
  pendingCreatedBefore?: string;
  /** When set, only approved statements and those authored by this user. */
  approvedOrAuthoredBy?: string;
}

/** Statements of a session and their earlier wordings. The only place their SQL is written. */
export const statementsRepo = {
  async insert(db: Conn, row: StatementsTable) {
    await db.insertInto('statements').values(row).execute();
  },
  async update(
    db: Conn,
    id: string,
    patch: Partial<Omit<StatementsTable, 'id' | 'session_id' | 'created_at'>>,
  ) {
    await db.updateTable('statements').set(patch).where('id', '=', id).execute();
  },
  find(db: Conn, id: string) {
    return db.selectFrom('statements').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** A statement with what every decision about it needs: its session's state and rule, its round and series. */
  findWithSession(db: Conn, id: string) {
    return db
      .selectFrom('statements')
      .innerJoin('sessions', 'sessions.id', 'statements.session_id')
      .innerJoin('rounds', 'rounds.id', 'sessions.round_id')
      .selectAll('statements')
      .select([
        'sessions.status as session_status',
        'sessions.attribution_rule',
        'sessions.round_id',
        'rounds.series_id',
      ])
      .where('statements.id', '=', id)
      .executeTakeFirst();
  },
  async nextPosition(db: Conn, sessionId: string) {
    const row = await db
      .selectFrom('statements')
      .select((eb) => eb.fn.max<number | null>('position').as('p'))
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
  },
  async list(
    db: Conn,
    sessionId: string,
    filter: StatementFilter,
    page: { limit: number; offset: number },
  ) {
    let q = db.selectFrom('statements').where('session_id', '=', sessionId);
    if (filter.status) q = q.where('status', '=', filter.status);
    const before = filter.pendingCreatedBefore;
    if (before)
      q = q.where((eb) => eb.or([eb('status', '!=', 'pending'), eb('created_at', '<', before)]));
    const viewer = filter.approvedOrAuthoredBy;
    if (viewer)
      q = q.where((eb) =>
        eb.or([eb('status', '=', 'approved'), eb('author_user_id', '=', viewer)]),
      );
    const [rows, count] = await Promise.all([
      q
        .selectAll()
        .orderBy('position')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
  /** Ids of a session's approved statements, in their current order. */
  async approvedIds(db: Conn, sessionId: string) {
    const rows = await db
      .selectFrom('statements')
      .select('id')
      .where('session_id', '=', sessionId)
      .where('status', '=', 'approved')
      .orderBy('position')
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  },
  /** Writes positions 0..n-1 in the given order; call inside a transaction so a reorder lands whole. */
  async setPositions(db: Conn, sessionId: string, orderedIds: string[]) {
    for (const [position, id] of orderedIds.entries()) {
      await db
        .updateTable('statements')
        .set({ position })
        .where('id', '=', id)
        .where('session_id', '=', sessionId)
        .execute();
    }
  },
  /** Approved statements of a session the participation has not voted on yet. */
  unvotedApproved(db: Conn, sessionId: string, participationId: string) {
    return db
      .selectFrom('statements')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('status', '=', 'approved')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('votes')
              .select('votes.statement_id')
              .whereRef('votes.statement_id', '=', 'statements.id')
              .where('votes.participation_id', '=', participationId),
          ),
        ),
      )
      .orderBy('position')
      .execute();
  },

  async insertRevision(db: Conn, row: StatementRevisionsTable) {
    await db.insertInto('statement_revisions').values(row).execute();
  },
  revisions(db: Conn, statementIds: string[]) {
    if (!statementIds.length) return Promise.resolve([] as StatementRevisionsTable[]);
    return db
      .selectFrom('statement_revisions')
      .selectAll()
      .where('statement_id', 'in', statementIds)
      .orderBy('at')
      .orderBy('id')
      .execute();
  },

  /** Agree/disagree/pass totals per statement: aggregates only. */
  async voteCounts(db: Conn, statementIds: string[]) {
    const counts = new Map<string, { agree: number; disagree: number; pass: number }>();
    if (!statementIds.length) return counts;
    const rows = await db
      .selectFrom('votes')
      .select(['statement_id', 'value', (eb) => eb.fn.countAll<number>().as('n')])
      .where('statement_id', 'in', statementIds)
      .groupBy(['statement_id', 'value'])
      .execute();
    for (const r of rows) {
      const c = counts.get(r.statement_id) ?? { agree: 0, disagree: 0, pass: 0 };
      const key = r.value === 1 ? 'agree' : r.value === -1 ? 'disagree' : 'pass';
      c[key] += Number(r.n);
      counts.set(r.statement_id, c);
    }
    return counts;
  },
  /** Display names of authors by participation (honorific and full name), for on-the-record sessions only. */
  async authorNames(db: Conn, participationIds: string[]) {
    const names = new Map<string, string>();
    if (!participationIds.length) return names;
    const rows = await db
      .selectFrom('participations')
      .innerJoin('people', 'people.id', 'participations.person_id')
      .select(['participations.id', 'people.honorific', 'people.full_name'])
      .where('participations.id', 'in', participationIds)
      .execute();
    for (const r of rows) names.set(r.id, [r.honorific, r.full_name].filter(Boolean).join(' '));
    return names;
  },
  /** The sealed author, for an admin acting on abuse (audited by the caller). */
  sealedAuthor(db: Conn, statementId: string) {
    return db
      .selectFrom('statements')
      .leftJoin('users', 'users.id', 'statements.author_user_id')
      .leftJoin('participations', 'participations.id', 'statements.author_participation_id')
      .leftJoin('people', 'people.id', 'participations.person_id')
      .select([
        'users.id as user_id',
        'users.email',
        'users.display_name',
        'people.honorific',
        'people.full_name',
      ])
      .where('statements.id', '=', statementId)
      .executeTakeFirst();
  },
};
