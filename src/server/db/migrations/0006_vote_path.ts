import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Shipped: never edit this file. Add a new migration instead.
// For the vote path: an index to load a person's participations (every signed-in request that
// misses the actor cache does); the votes of a session in the order the analysis reads them, with
// every column it reads (it reads them all a few times a second while a room votes: an index
// scan instead of a sort), replacing the plain session index; and, on PostgreSQL, triggers that NOTIFY every server process
// when a table granting rights is written, so each can keep its cached actors until then
// (SQLite's data_version does the same job without triggers).

/** Written by every grant change; listened to by db/grants-listener.ts. */
export const GRANTS_CHANNEL = 'parley_grants';
const GRANT_TABLES = [
  'users',
  'auth_sessions',
  'series_members',
  'participations',
  'rounds',
  'series',
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('participations_person')
    .on('participations')
    .columns(['person_id'])
    .execute();
  await db.schema
    .createIndex('votes_session_reading')
    .on('votes')
    .columns([
      'session_id',
      'updated_at',
      'client_vote_id',
      'participation_id',
      'statement_id',
      'value',
    ])
    .execute();
  await db.schema.dropIndex('votes_session').execute();
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`CREATE FUNCTION parley_grants_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_notify(${sql.lit(GRANTS_CHANNEL)}, TG_TABLE_NAME); RETURN NULL; END $$`.execute(
    db,
  );
  for (const table of GRANT_TABLES) {
    await sql`CREATE TRIGGER ${sql.id(`${table}_grants_changed`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION parley_grants_changed()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of GRANT_TABLES)
      await sql`DROP TRIGGER ${sql.id(`${table}_grants_changed`)} ON ${sql.table(table)}`.execute(
        db,
      );
    await sql`DROP FUNCTION parley_grants_changed()`.execute(db);
  }
  await db.schema.createIndex('votes_session').on('votes').columns(['session_id']).execute();
  await db.schema.dropIndex('votes_session_reading').execute();
  await db.schema.dropIndex('participations_person').execute();
}
