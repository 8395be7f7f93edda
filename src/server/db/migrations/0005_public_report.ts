import type { Kysely } from 'kysely';

// Shipped: never edit this file. Add a new migration instead.
// The public outcome report of a round: one editable draft per round (both languages, with an
// edit version for optimistic concurrency), its published versions (immutable snapshots, the
// later ones carrying a correction note), and the public's comments on it, held for moderation.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) =>
      c.notNull().unique().references('rounds.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('edit_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('text_ur', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('approved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('text_ur', 'text', (c) => c.notNull())
    .addColumn('correction_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_versions_report_version', ['report_id', 'version'])
    .execute();

  await db.schema
    .createTable('report_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('report_comments.id').onDelete('cascade'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('address_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('moderated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('moderated_at', 'text')
    .execute();
  await db.schema
    .createIndex('report_comments_report')
    .on('report_comments')
    .columns(['report_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('report_comments_address')
    .on('report_comments')
    .columns(['address_hash', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['report_comments', 'report_versions', 'reports'])
    await db.schema.dropTable(table).execute();
}
