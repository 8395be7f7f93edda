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

/** The actor of a session secret when no query is needed (no cookie, or a cached actor); undefined otherwise. */
function knownActor(
  deps: Deps,
  sessionSecret: string | undefined,
  cache: ActorCache | undefined,
): Actor | undefined {
  if (!sessionSecret) return PUBLIC;
  // Keyed by the secret itself (memory only, like the request carrying it): no hashing on a hit.
  return cache?.get(sessionSecret, deps.db.grants.generation, deps.now().getTime());
}

/** A sign-in as it stands now: its actor and when it expires; null once signed out or expired. */
export interface SignIn {
  actor: Actor;
  expiresAt: number;
}

/** Loads the sign-in whose secret hashes to idHash, with every grant, afresh (no cache). */
export async function resolveSignIn(deps: Deps, idHash: string): Promise<SignIn | null> {
  const db = deps.db.kysely;
  const row = await authSessions.findValid(db, idHash, deps.now().toISOString());
  if (!row) return null;
  const [seriesRoles, participations] = await Promise.all([
    grants.seriesRoles(db, row.id),
    grants.participations(db, row.person_id),
  ]);
  const actor: Actor = {
    user: {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      isAdmin: row.is_admin === 1,
      personId: row.person_id,
    },
    csrfToken: row.csrf_token,
    seriesRoles,
    participations,
  };
  return { actor, expiresAt: Date.parse(row.expires_at) };
}

export async function loadActor(
  deps: Deps,
  sessionSecret: string | undefined,
  cache?: ActorCache,
): Promise<Actor> {
  const known = knownActor(deps, sessionSecret, cache);
  if (known) return known;
  const now = deps.now();
  // Read the generation before loading: a grant written meanwhile makes this load uncacheable.
  const generation = deps.db.grants.generation;
  const ttlMs = deps.db.grants.seesOtherProcesses ? ACTOR_TTL_WATCHED_MS : ACTOR_TTL_MS;
  const signIn = await resolveSignIn(deps, hashSecret(sessionSecret!));
  if (!signIn) return PUBLIC;
  cache?.set(sessionSecret!, signIn.actor, generation, now.getTime(), signIn.expiresAt, ttlMs);
  return signIn.actor;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Sets the request's actor; a cookie-authenticated write must carry the session's CSRF token. */
function admit(request: FastifyRequest, actor: Actor) {
  request.actor = actor;
  if (SAFE_METHODS.has(request.method) || !actor.user) return;
  const sent =
    request.headers[CSRF_HEADER] ?? (request.body as { _csrf?: unknown } | undefined)?._csrf;
  if (sent !== actor.csrfToken)
    throw forbidden(
      'Missing or wrong CSRF token: send the x-csrf-token header from GET /api/v1/me.',
    );
}

/**
 * Resolves the actor of every request from its session cookie, and requires the session's
 * CSRF token (header x-csrf-token, or a _csrf form field) on every cookie-authenticated write.
 * A callback hook rather than an async one: most requests are answered from the cache, and
 * those then go on without a promise.
 */
export function registerSessionAuth(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('actor', null as unknown as Actor);
  const cache = new ActorCache();
  app.addHook(
    'preHandler',
    (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
      const secret = request.cookies[SESSION_COOKIE];
      const known = knownActor(deps, secret, cache);
      if (known) {
        try {
          admit(request, known);
        } catch (error) {
          return done(error as Error);
        }
        return done();
      }
      loadActor(deps, secret, cache).then(
        (actor) => {
          try {
            admit(request, actor);
          } catch (error) {
            return done(error as Error);
          }
          done();
        },
        (error: Error) => done(error),
      );
    },
  );
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
