import type { User } from '../../domain/accounts.ts';
import type { UsersTable } from '../db/schema.ts';

/** Never the password hash. */
export const presentUser = (u: UsersTable): User => ({
  id: u.id,
  email: u.email,
  displayName: u.display_name,
  isAdmin: u.is_admin === 1,
  personId: u.person_id,
});
