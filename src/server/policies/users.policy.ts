import { isAdmin, type Actor } from '../auth/actor.ts';

const isSelf = (a: Actor, userId: string) => a.user?.id === userId;

/** Accounts: admins manage them; everyone may read and lightly edit their own. */
export const usersPolicy = {
  list: (a: Actor) => isAdmin(a),
  create: (a: Actor) => isAdmin(a),
  read: (a: Actor, userId: string) => isAdmin(a) || isSelf(a, userId),
  /** Display name and password. */
  editProfile: (a: Actor, userId: string) => isAdmin(a) || isSelf(a, userId),
  /** isAdmin, email, the linked person: a permission change or an identity change. */
  editPrivileged: (a: Actor) => isAdmin(a),
};
