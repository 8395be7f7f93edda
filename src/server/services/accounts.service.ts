import type { z } from 'zod';
import type { LoginInput, UserInput } from '../../domain/accounts.ts';
import type { Actor } from '../auth/actor.ts';
import { isAdmin } from '../auth/actor.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Deps } from '../deps.ts';
import { conflict, HttpError } from '../http/errors.ts';
import { hashSecret, newId, newSecret } from '../ids.ts';
import { presentUser } from '../presenters/user.presenter.ts';
import { audit } from '../repositories/audit.repository.ts';
import { authSessions } from '../repositories/sessions.repository.ts';
import { usersRepo } from '../repositories/users.repository.ts';
import { guard } from './guard.ts';

/** Creates an account. Used by the admin API, the CLI (`user create`, actor null) and the demo loader. */
export async function createUser(
  deps: Deps,
  actor: Actor | null,
  input: z.output<typeof UserInput>,
) {
  if (actor) guard(isAdmin(actor), actor);
  const row = {
    id: newId(),
    email: input.email,
    display_name: input.displayName,
    password_hash: await hashPassword(input.password),
    is_admin: input.isAdmin ? 1 : 0,
    person_id: input.personId ?? null,
    created_at: deps.now().toISOString(),
  };
  try {
    await usersRepo.insert(deps.db.kysely, row);
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('An account with this email exists.', [
        { field: 'body.email', message: 'already registered' },
      ]);
    throw error;
  }
  if (input.isAdmin) {
    await audit.record(deps.db.kysely, deps.now(), {
      actorUserId: actor?.user?.id ?? null,
      action: 'user.grant_admin',
      resourceType: 'user',
      resourceId: row.id,
      seriesId: null,
    });
  }
  return presentUser(row);
}

/** Checks a password and opens a session; returns the secret for the cookie. */
export async function login(deps: Deps, input: z.output<typeof LoginInput>) {
  const user = await usersRepo.findByEmail(deps.db.kysely, input.email);
  // An unknown email costs the same argon2 work as a known one (verifyPassword's dummy hash).
  const ok = await verifyPassword(user?.password_hash, input.password);
  if (!user || !ok) throw new HttpError(401, 'Unauthorized', 'Wrong email or password.');
  return openSession(deps, user.id);
}

export async function openSession(deps: Deps, userId: string) {
  const secret = newSecret();
  const now = deps.now();
  const expires = new Date(now.getTime() + deps.config.sessionTtlHours * 3600_000);
  await authSessions.create(deps.db.kysely, {
    id_hash: hashSecret(secret),
    user_id: userId,
    csrf_token: newSecret(),
    created_at: now.toISOString(),
    expires_at: expires.toISOString(),
  });
  return { secret, expires };
}

export async function logout(deps: Deps, secret: string | undefined) {
  if (secret) await authSessions.delete(deps.db.kysely, hashSecret(secret));
}
