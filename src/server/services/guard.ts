import type { Actor } from '../auth/actor.ts';
import { forbidden, notFound, unauthorized } from '../http/errors.ts';

/**
 * Turns a policy's "no" into the right answer: the anonymous public gets 404 for anything
 * confidential (no leaking that it exists) or 401 when signing in could help; a signed-in
 * actor without the role gets 403.
 */
export function guard(
  allowed: boolean,
  actor: Actor,
  options: { confidential?: string } = {},
): void {
  if (allowed) return;
  if (!actor.user) throw options.confidential ? notFound(options.confidential) : unauthorized();
  throw forbidden();
}
