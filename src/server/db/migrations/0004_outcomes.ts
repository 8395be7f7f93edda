import type { Kysely } from 'kysely';

// Shipped: never edit this file. Add a new migration instead.
// Outcomes of a round (issue 6): the rapporteur's workbench, agreed conclusions, the rapporteur's
// report and its private review, recommendations followed across rounds, statements asked again.

export async function up(db: Kysely<any>): Promise<void> {
  // An idea, mechanism, area of convergence or divergence, recommendation or information gap.
  // `version` makes concurrent edits safe: a write must name the version it was based on.
  await db.schema
    .createTable('outcome_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('sessions.id').onDelete('cascade'),
    )
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // draft (rapporteurs, organisers, moderators), participants (also the round's participants), public.
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outcome_items_round')
    .on('outcome_items')
    .columns(['round_id', 'created_at'])
    .execute();

  // A statement cited as evidence, with the analysis figures frozen as they stood when linked (aggregates only).
  await db.schema
    .createTable('outcome_evidence')
    .addColumn('item_id', 'text', (c) =>
      c.notNull().references('outcome_items.id').onDelete('cascade'),
    )
    .addColumn('statement_id', 'text', (c) =>
      c.notNull().references('statements.id').onDelete('cascade'),
    )
    .addColumn('quotable', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('outcome_evidence_pk', ['item_id', 'statement_id'])
    .execute();

  // Agreed conclusions: one text per round, endorsed per delegation; frozen once every delegation has.
  await db.schema
    .createTable('conclusions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) =>
      c.notNull().unique().references('rounds.id').onDelete('cascade'),
    )
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('frozen_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // An endorsement is of one version of the text: an edit leaves earlier endorsements behind.
  await db.schema
    .createTable('conclusion_endorsements')
    .addColumn('conclusion_id', 'text', (c) =>
      c.notNull().references('conclusions.id').onDelete('cascade'),
    )
    .addColumn('delegation_id', 'text', (c) =>
      c.notNull().references('delegations.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('endorsed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conclusion_endorsements_pk', [
      'conclusion_id',
      'delegation_id',
      'version',
    ])
    .execute();

  // The rapporteur's report: draft, in_review (until review_ends_at), approved_for_publication.
  await db.schema
    .createTable('rapporteur_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) =>
      c.notNull().unique().references('rounds.id').onDelete('cascade'),
    )
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_ends_at', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Private review comments: visible to their author and to the rapporteurs and organisers only.
  await db.schema
    .createTable('rapporteur_report_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) =>
      c.notNull().references('rapporteur_reports.id').onDelete('cascade'),
    )
    .addColumn('author_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rapporteur_report_comments_report')
    .on('rapporteur_report_comments')
    .columns(['report_id', 'at'])
    .execute();

  // Every version of every outcome text (items, conclusions, report), kept whole.
  await db.schema
    .createTable('outcome_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_type', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('outcome_revisions_version', ['document_type', 'document_id', 'version'])
    .execute();

  // Recommendations: R<round>.<number>, numbered in creation order within the round, never reused.
  await db.schema
    .createTable('recommendations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.references('sessions.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('addressees', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('recommendations_round_number', ['round_id', 'number'])
    .execute();
  await db.schema
    .createTable('recommendation_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recommendation_id', 'text', (c) =>
      c.notNull().references('recommendations.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('evidence_url', 'text')
    .addColumn('changed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recommendation_status_changes_rec')
    .on('recommendation_status_changes')
    .columns(['recommendation_id', 'at'])
    .execute();
  // Carried into a later round's agenda.
  await db.schema
    .createTable('recommendation_carries')
    .addColumn('recommendation_id', 'text', (c) =>
      c.notNull().references('recommendations.id').onDelete('cascade'),
    )
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('carried_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('recommendation_carries_pk', ['recommendation_id', 'round_id'])
    .execute();

  // A statement of a later round that asks again what an earlier one asked (one earlier statement each).
  await db.schema
    .createTable('statement_repeats')
    .addColumn('statement_id', 'text', (c) =>
      c.primaryKey().references('statements.id').onDelete('cascade'),
    )
    .addColumn('repeat_of_id', 'text', (c) =>
      c.notNull().references('statements.id').onDelete('cascade'),
    )
    .addColumn('linked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'statement_repeats',
    'recommendation_carries',
    'recommendation_status_changes',
    'recommendations',
    'outcome_revisions',
    'rapporteur_report_comments',
    'rapporteur_reports',
    'conclusion_endorsements',
    'conclusions',
    'outcome_evidence',
    'outcome_items',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
