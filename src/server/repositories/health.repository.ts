import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export const healthRepo = {
  /** A round trip to the database; throws when it does not answer. */
  async ping(db: Kysely<Database>): Promise<void> {
    await sql`select 1`.execute(db);
  },
};
