import type { FastifyInstance } from 'fastify';
import { LoginInput, Me } from '../../domain/accounts.ts';
import {
  clearSessionCookie,
  loadActor,
  SESSION_COOKIE,
  setSessionCookie,
} from '../auth/session-cookie.ts';
import { presentMe } from '../presenters/me.presenter.ts';
import type { Deps } from '../deps.ts';
import { hashSecret } from '../ids.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as accounts from '../services/accounts.service.ts';

const tags = ['auth'];

export function authRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Sign in; sets the session cookie',
    tags,
    body: LoginInput,
    response: Me,
    rateLimit: { max: 10, timeWindow: '1 minute' },
    handler: async ({ body, reply }) => {
      const { secret, expires } = await accounts.login(deps, body);
      setSessionCookie(reply, deps, secret, expires);
      return presentMe(await loadActor(deps, secret));
    },
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'Sign out',
    tags,
    handler: async ({ request, reply }) => {
      const secret = request.cookies[SESSION_COOKIE];
      await accounts.logout(deps, secret);
      // Its live streams end now; other processes notice through the grants watcher.
      if (secret) app.liveStreams.endSignIn(hashSecret(secret));
      clearSessionCookie(reply);
      return undefined;
    },
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/me',
    summary: 'Who am I, my roles, and my CSRF token',
    tags,
    response: Me,
    handler: async ({ actor }) => presentMe(actor),
  });
}
