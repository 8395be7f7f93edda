import { sql, type Kysely } from 'kysely';

// Shipped: never edit this file. Add a new migration instead.
// Each round has the IANA time zone of its venue: organisers enter times in it and every time is
// shown with it. Rounds made before this read as UTC, except the demo's two rounds (Washington,
// DC and Islamabad), whose zones are known.

const DEMO_SLUG = 'us-pakistan-bilateral-dialogue';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('rounds')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .execute();
  for (const [number, zone] of [
    [1, 'America/New_York'],
    [2, 'Asia/Karachi'],
  ] as const) {
    await sql`UPDATE rounds SET time_zone = ${zone} WHERE number = ${number}
      AND series_id IN (SELECT id FROM series WHERE slug = ${DEMO_SLUG})`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rounds').dropColumn('time_zone').execute();
}
