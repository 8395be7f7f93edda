import type { Kysely, Transaction } from 'kysely';
import type {
  Database,
  OutcomeEvidenceTable,
  OutcomeItemsTable,
  OutcomeRevisionsTable,
} from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** The statements of the round's Chatham House Rule Plus sessions, with their session. */
const saidUnderPlus = (db: Conn, roundId: string) =>
  db
    .selectFrom('statements')
    .innerJoin('sessions', 'sessions.id', 'statements.session_id')
    .where('sessions.round_id', '=', roundId)
    .where('sessions.attribution_rule', '=', 'chatham_house_plus');

/** Outcome items, their evidence, every outcome text's revisions, and the round facts outcome policies need. */
export const outcomesRepo = {
  round(db: Conn, roundId: string) {
    return db
      .selectFrom('rounds')
      .select(['id', 'series_id', 'number', 'starts_on', 'time_zone'])
      .where('id', '=', roundId)
      .executeTakeFirst();
  },
  /** Whether the person is the named rapporteur of one of the round's sessions. */
  async isSessionRapporteur(
    db: Conn,
    roundId: string,
    personId: string | null | undefined,
  ): Promise<boolean> {
    if (!personId) return false;
    const row = await db
      .selectFrom('sessions')
      .select('id')
      .where('round_id', '=', roundId)
      .where('rapporteur_person_id', '=', personId)
      .executeTakeFirst();
    return row !== undefined;
  },
  session(db: Conn, sessionId: string) {
    return db
      .selectFrom('sessions')
      .select(['id', 'round_id', 'attribution_rule', 'status', 'title'])
      .where('id', '=', sessionId)
      .executeTakeFirst();
  },

  async insertItem(db: Conn, row: OutcomeItemsTable) {
    await db.insertInto('outcome_items').values(row).execute();
  },
  findItem(db: Conn, id: string) {
    return db.selectFrom('outcome_items').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async listItems(
    db: Conn,
    roundId: string,
    filter: { sessionId?: string; type?: string; visibilities?: string[] },
    page: { limit: number; offset: number },
  ) {
    let q = db.selectFrom('outcome_items').where('round_id', '=', roundId);
    if (filter.sessionId) q = q.where('session_id', '=', filter.sessionId);
    if (filter.type) q = q.where('type', '=', filter.type);
    if (filter.visibilities) q = q.where('visibility', 'in', filter.visibilities);
    const [rows, count] = await Promise.all([
      q
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
  /** Writes only if the item is still at `baseVersion`; false when someone else got there first. */
  async updateItemAtVersion(
    db: Conn,
    id: string,
    baseVersion: number,
    patch: Partial<
      Pick<OutcomeItemsTable, 'title' | 'body' | 'type' | 'visibility' | 'version' | 'updated_at'>
    >,
  ) {
    const result = await db
      .updateTable('outcome_items')
      .set(patch)
      .where('id', '=', id)
      .where('version', '=', baseVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
  async setVisibility(db: Conn, id: string, visibility: string, at: string) {
    await db
      .updateTable('outcome_items')
      .set({ visibility, updated_at: at })
      .where('id', '=', id)
      .execute();
  },

  async insertEvidence(db: Conn, rows: OutcomeEvidenceTable[]) {
    if (!rows.length) return;
    // A statement linked again keeps the figures of its first linking: they are evidence "as they stood".
    await db
      .insertInto('outcome_evidence')
      .values(rows)
      .onConflict((oc) => oc.columns(['item_id', 'statement_id']).doNothing())
      .execute();
  },
  async deleteEvidence(db: Conn, itemId: string, statementId: string) {
    const result = await db
      .deleteFrom('outcome_evidence')
      .where('item_id', '=', itemId)
      .where('statement_id', '=', statementId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },
  evidence(db: Conn, itemIds: string[]) {
    if (!itemIds.length) return Promise.resolve([]);
    return db
      .selectFrom('outcome_evidence')
      .innerJoin('statements', 'statements.id', 'outcome_evidence.statement_id')
      .select([
        'outcome_evidence.item_id',
        'outcome_evidence.statement_id',
        'outcome_evidence.quotable',
        'outcome_evidence.snapshot',
        'outcome_evidence.linked_at',
        'statements.text',
        'statements.session_id',
      ])
      .where('outcome_evidence.item_id', 'in', itemIds)
      .orderBy('outcome_evidence.linked_at')
      .orderBy('outcome_evidence.statement_id')
      .execute();
  },
  /** Statements with their session's rule and round, to check they may be cited. */
  statementsWithSession(db: Conn, ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db
      .selectFrom('statements')
      .innerJoin('sessions', 'sessions.id', 'statements.session_id')
      .select([
        'statements.id',
        'statements.session_id',
        'statements.text',
        'statements.status',
        'sessions.round_id',
        'sessions.attribution_rule',
      ])
      .where('statements.id', 'in', ids)
      .execute();
  },
  /**
   * Every statement of the round said under Chatham House Rule Plus, whatever its status (a
   * pending, rejected or merged one was said all the same), with what numbers it for people.
   */
  nonQuotableStatements(db: Conn, roundId: string) {
    return saidUnderPlus(db, roundId)
      .select([
        'statements.id',
        'statements.session_id',
        'statements.text',
        'statements.translation',
        'statements.status',
        'statements.position',
        'statements.created_at',
        'sessions.title as session_title',
      ])
      .execute();
  },
  /** Earlier wordings of those statements: they were said too. */
  nonQuotableRevisions(db: Conn, roundId: string) {
    return saidUnderPlus(db, roundId)
      .innerJoin('statement_revisions', 'statement_revisions.statement_id', 'statements.id')
      .select([
        'statement_revisions.statement_id',
        'statement_revisions.text',
        'statement_revisions.translation',
      ])
      .execute();
  },
  /** Items of the round approved for publication (for the quoting check of the whole round). */
  publicItems(db: Conn, roundId: string) {
    return db
      .selectFrom('outcome_items')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('visibility', '=', 'public')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  async insertRevision(db: Conn, row: OutcomeRevisionsTable) {
    await db.insertInto('outcome_revisions').values(row).execute();
  },
  revisions(db: Conn, documentType: string, documentId: string) {
    return db
      .selectFrom('outcome_revisions')
      .select(['version', 'title', 'body', 'at'])
      .where('document_type', '=', documentType)
      .where('document_id', '=', documentId)
      .orderBy('version')
      .execute();
  },
};
