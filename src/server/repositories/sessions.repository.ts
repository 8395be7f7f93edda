import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Signed-in browser sessions ("auth sessions"; a dialogue's sessions live in dialogue-sessions.repository). */
export const authSessions = {
  async create(db: Kysely<Database>, row: Database['auth_sessions']) {
    await db.insertInto('auth_sessions').values(row).execute();
  },
  async findValid(db: Kysely<Database>, idHash: string, nowIso: string) {
    return db
      .selectFrom('auth_sessions')
      .innerJoin('users', 'users.id', 'auth_sessions.user_id')
      .select([
        'auth_sessions.csrf_token',
        'auth_sessions.expires_at',
        'users.id',
        'users.email',
        'users.display_name',
        'users.is_admin',
        'users.person_id',
      ])
      .where('auth_sessions.id_hash', '=', idHash)
      .where('auth_sessions.expires_at', '>', nowIso)
      .executeTakeFirst();
  },
  async delete(db: Kysely<Database>, idHash: string) {
    await db.deleteFrom('auth_sessions').where('id_hash', '=', idHash).execute();
  },
  async deleteForUser(db: Kysely<Database>, userId: string) {
    await db.deleteFrom('auth_sessions').where('user_id', '=', userId).execute();
  },
};
