import { PostgresAdapter, type Kysely } from 'kysely';

// Shipped: never edit this file. Add a new migration instead.
// Statements, votes and live analysis of a session (issue 4).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('sessions.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('translation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    // The author is sealed: never presented outside the session's attribution rule.
    .addColumn('author_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_participation_id', 'text', (c) =>
      c.references('participations.id').onDelete('set null'),
    )
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rejection_reason', 'text')
    .addColumn('merged_into_id', 'text', (c) => c.references('statements.id').onDelete('set null'))
    .addColumn('is_meta', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('statements_session')
    .on('statements')
    .columns(['session_id', 'status', 'position'])
    .execute();

  await db.schema
    .createTable('statement_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('statement_id', 'text', (c) =>
      c.notNull().references('statements.id').onDelete('cascade'),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('translation', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('statement_revisions_statement')
    .on('statement_revisions')
    .columns(['statement_id', 'at'])
    .execute();

  // One row per (voter, statement): the later vote wins. client_vote_id makes retries idempotent.
  await db.schema
    .createTable('votes')
    .addColumn('client_vote_id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('sessions.id').onDelete('cascade'),
    )
    .addColumn('statement_id', 'text', (c) =>
      c.notNull().references('statements.id').onDelete('cascade'),
    )
    .addColumn('participation_id', 'text', (c) =>
      c.notNull().references('participations.id').onDelete('cascade'),
    )
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('votes_voter_statement', ['participation_id', 'statement_id'])
    .execute();
  await db.schema.createIndex('votes_session').on('votes').columns(['session_id']).execute();

  // The latest analysis of a session, with the instant of the newest vote it includes.
  await db.schema
    .createTable('analysis_results')
    .addColumn('session_id', 'text', (c) =>
      c.primaryKey().references('sessions.id').onDelete('cascade'),
    )
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('describes_until', 'text', (c) => c.notNull())
    .addColumn('vote_count', 'integer', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .execute();

  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // Live events, kept so a reconnecting client gets what it missed (SSE Last-Event-ID).
  await db.schema
    .createTable('live_events')
    .addColumn('seq', isPostgres ? 'bigserial' : 'integer', (c) =>
      isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('sessions.id').onDelete('cascade'),
    )
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('live_events_session_seq')
    .on('live_events')
    .columns(['session_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'live_events',
    'analysis_results',
    'votes',
    'statement_revisions',
    'statements',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
