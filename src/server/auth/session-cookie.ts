import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { forbidden } from '../http/errors.ts';
import { hashSecret } from '../ids.ts';
import { grants } from '../repositories/grants.repository.ts';
import { authSessions } from '../repositories/sessions.repository.ts';
import { PUBLIC, type Actor } from './actor.ts';
import { ActorCache, ACTOR_TTL_MS, ACTOR_TTL_WATCHED_MS } from './actor-cache.ts';

export const SESSION_COOKIE = 'parley_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

export async function loadActor(deps: Deps, sessionSecret: string | undefined, cache?: ActorCache): Promise<Actor> {
  if (!sessionSecret) return PUBLIC;
  const now = deps.now();
  // Read the generation before loading: a grant written meanwhile makes this load uncacheable.
  const generation = deps.db.grants.generation;
  const ttlMs = deps.db.grants.seesOtherProcesses ? ACTOR_TTL_WATCHED_MS : ACTOR_TTL_MS;
  // Keyed by the secret itself (memory only, like the request carrying it): no hashing on a hit.
  const cached = cache?.get(sessionSecret, generation, now.getTime());
  if (cached) return cached;
  const db = deps.db.kysely;
  const row = await authSessions.findValid(db, hashSecret(sessionSecret), now.toISOString());
  if (!row) return PUBLIC;
  const [seriesRoles, participations] = await Promise.all([grants.seriesRoles(db, row.id), grants.participations(db, row.person_id)]);
  const actor: Actor = {
    user: { id: row.id, email: row.email, displayName: row.display_name, isAdmin: row.is_admin === 1, personId: row.person_id },
    csrfToken: row.csrf_token,
    seriesRoles,
    participations,
  };
  cache?.set(sessionSecret, actor, generation, now.getTime(), Date.parse(row.expires_at), ttlMs);
  return actor;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the actor of every request from its session cookie, and requires the session's
 * CSRF token (header x-csrf-token, or a _csrf form field) on every cookie-authenticated write.
 */
export function registerSessionAuth(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('actor', null as unknown as Actor);
  const cache = new ActorCache();
  app.addHook('preHandler', async (request: FastifyRequest) => {
    request.actor = await loadActor(deps, request.cookies[SESSION_COOKIE], cache);
    if (SAFE_METHODS.has(request.method) || !request.actor.user) return;
    const sent = request.headers[CSRF_HEADER] ?? (request.body as { _csrf?: unknown } | undefined)?._csrf;
    if (sent !== request.actor.csrfToken) throw forbidden('Missing or wrong CSRF token: send the x-csrf-token header from GET /api/v1/me.');
  });
}

export function setSessionCookie(reply: FastifyReply, deps: Deps, secret: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    path: '/',
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
