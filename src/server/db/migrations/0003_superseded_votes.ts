import type { Kysely } from 'kysely';

// Shipped: never edit this file. Add a new migration instead.
// Client vote ids that a later vote on the same statement superseded. The current vote's id
// stays in votes.client_vote_id; together they recognise every id ever accepted, so a late
// retry of a superseded vote is answered with the current state instead of overwriting it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('superseded_votes')
    .addColumn('client_vote_id', 'text', (c) => c.primaryKey())
    .addColumn('participation_id', 'text', (c) =>
      c.notNull().references('participations.id').onDelete('cascade'),
    )
    .addColumn('statement_id', 'text', (c) =>
      c.notNull().references('statements.id').onDelete('cascade'),
    )
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('superseded_votes_statement')
    .on('superseded_votes')
    .columns(['statement_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('superseded_votes').execute();
}
