import type { Kysely, Transaction } from 'kysely';
import type {
  Database,
  ParticipationsTable,
  PeopleTable,
  SessionsTable,
  StatementsTable,
  VotesTable,
} from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** Rows per INSERT: well under SQLite's 32 766 and PostgreSQL's 65 535 bound parameters. */
const CHUNK = 500;

async function insertChunked<T extends keyof Database>(
  db: Conn,
  table: T,
  rows: readonly Database[T][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    // Kysely cannot relate a generic table name to its row type; the rows are that table's.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
}

/** What importing a Polis export writes: one new session and everything in it. */
export const polisImportRepo = {
  async nextSessionPosition(db: Conn, roundId: string): Promise<number> {
    const row = await db
      .selectFrom('sessions')
      .select((eb) => eb.fn.max('position').as('last'))
      .where('round_id', '=', roundId)
      .executeTakeFirst();
    return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
  },
  async insert(
    db: Conn,
    rows: {
      session: SessionsTable;
      statements: StatementsTable[];
      people: PeopleTable[];
      participations: ParticipationsTable[];
      votes: VotesTable[];
    },
  ): Promise<void> {
    await db.insertInto('sessions').values(rows.session).execute();
    await insertChunked(db, 'statements', rows.statements);
    await insertChunked(db, 'people', rows.people);
    await insertChunked(db, 'participations', rows.participations);
    await insertChunked(db, 'votes', rows.votes);
  },
};
