import type { z } from 'zod';
import type { UserInput, UserPatch } from '../../domain/accounts.ts';
import type { PageQuery } from '../../domain/common.ts';
import type { Actor } from '../auth/actor.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../db/errors.ts';
import type { UsersTable } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { usersPolicy } from '../policies/users.policy.ts';
import { presentUser } from '../presenters/user.presenter.ts';
import { audit } from '../repositories/audit.repository.ts';
import { usersRepo } from '../repositories/users.repository.ts';
import { createUser } from './accounts.service.ts';
import { guard } from './guard.ts';

export async function listUsers(deps: Deps, actor: Actor, page: PageQuery) {
  guard(usersPolicy.list(actor), actor);
  const { rows, total } = await usersRepo.list(deps.db.kysely, page);
  return { items: rows.map(presentUser), total, ...page };
}

/** The admin API and the CLI (`user create`, actor null) both create accounts here; audited. */
export async function createUserAccount(
  deps: Deps,
  actor: Actor | null,
  input: z.output<typeof UserInput>,
) {
  if (actor) guard(usersPolicy.create(actor), actor);
  const user = await createUser(deps, actor, input);
  await audit.record(deps.db.kysely, deps.now(), {
    actorUserId: actor?.user?.id ?? null,
    action: 'user.create',
    resourceType: 'user',
    resourceId: user.id,
    seriesId: null,
    detail: { email: user.email },
  });
  return user;
}

export async function getUser(deps: Deps, actor: Actor, id: string) {
  // The policy first: whether some other account id exists is none of a non-admin's business.
  guard(usersPolicy.read(actor, id), actor);
  const row = await usersRepo.find(deps.db.kysely, id);
  if (!row) throw notFound('user');
  return presentUser(row);
}

/** One's own password changes only with the current one, so a stolen session cannot lock the owner out. */
async function checkCurrentPassword(
  actor: Actor,
  row: UsersTable,
  patch: z.output<typeof UserPatch>,
) {
  if (patch.password === undefined || actor.user?.id !== row.id) return;
  if (!patch.currentPassword)
    throw badRequest('Give your current password to choose a new one.', [
      { field: 'body.currentPassword', message: 'required to change your own password' },
    ]);
  if (!(await verifyPassword(row.password_hash, patch.currentPassword))) {
    throw badRequest('The current password is wrong.', [
      { field: 'body.currentPassword', message: 'is not your current password' },
    ]);
  }
}

export async function updateUser(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: z.output<typeof UserPatch>,
) {
  guard(usersPolicy.editProfile(actor, id), actor);
  const privileged =
    patch.isAdmin !== undefined || patch.email !== undefined || patch.personId !== undefined;
  if (privileged) guard(usersPolicy.editPrivileged(actor), actor);
  const db = deps.db.kysely;
  const row = await usersRepo.find(db, id);
  if (!row) throw notFound('user');
  await checkCurrentPassword(actor, row, patch);
  const adminChange = patch.isAdmin !== undefined && patch.isAdmin !== (row.is_admin === 1);
  if (adminChange && !patch.isAdmin && (await usersRepo.countAdmins(db)) <= 1) {
    throw conflict('This is the last admin account; make another admin first.', [
      { field: 'body.isAdmin', message: 'the last admin cannot be removed' },
    ]);
  }
  const changes: Partial<Omit<UsersTable, 'id' | 'created_at'>> = {
    ...(patch.displayName !== undefined && { display_name: patch.displayName }),
    ...(patch.email !== undefined && { email: patch.email }),
    ...(patch.password !== undefined && { password_hash: await hashPassword(patch.password) }),
    ...(patch.isAdmin !== undefined && { is_admin: patch.isAdmin ? 1 : 0 }),
    ...(patch.personId !== undefined && { person_id: patch.personId }),
  };
  const now = deps.now();
  const actorUserId = actor.user?.id ?? null;
  try {
    await db.transaction().execute(async (trx) => {
      await usersRepo.update(trx, id, changes);
      if (adminChange) {
        await audit.record(trx, now, {
          actorUserId,
          action: patch.isAdmin ? 'user.grant_admin' : 'user.revoke_admin',
          resourceType: 'user',
          resourceId: id,
          seriesId: null,
        });
      }
      if (patch.personId !== undefined && patch.personId !== row.person_id) {
        await audit.record(trx, now, {
          actorUserId,
          action: 'user.link_person',
          resourceType: 'user',
          resourceId: id,
          seriesId: null,
          detail: { from: row.person_id, to: patch.personId },
        });
      }
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('An account with this email exists.', [
        { field: 'body.email', message: 'already registered' },
      ]);
    if (isForeignKeyViolation(error)) throw notFound('person');
    throw error;
  }
  return presentUser({ ...row, ...changes });
}
