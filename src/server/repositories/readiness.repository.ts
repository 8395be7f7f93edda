import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The one row the readiness probe writes: proof that the database takes a write now. */
export const readinessRepo = {
  async touch(db: Kysely<Database>, at: string): Promise<void> {
    await db
      .insertInto('readiness_probe')
      .values({ id: 1, checked_at: at })
      .onConflict((oc) => oc.column('id').doUpdateSet({ checked_at: at }))
      .execute();
  },
};
