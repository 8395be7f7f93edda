import type { Kysely } from 'kysely';

// Shipped: never edit this file. Add a new migration instead.
// One row that GET /api/v1/ready writes on every probe: the database is ready only if it takes a
// write (a full disk, a read-only file or a standby answers reads but not this).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('readiness_probe')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('readiness_probe').execute();
}
