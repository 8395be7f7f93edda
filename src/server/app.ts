import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerSessionAuth } from './auth/session-cookie.ts';
import { watchGrantsOfOtherProcesses } from './db/grants-listener.ts';
import type { Deps } from './deps.ts';
import { requestSerializer } from './http/log-redaction.ts';
import { OpenApiRegistry } from './http/openapi.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerApiCacheControl, registerCompression } from './http/compression.ts';
import { frameworkErrorHandler, registerProblemHandlers } from './http/problem.ts';
import { registerRoutes } from './routes/index.ts';
import { registerLiveStreams } from './live/stream-access.ts';
import {
  capConnectionsPerAddress,
  httpServerTimeouts,
  REQUEST_TIMEOUT_MS,
  trustedPeers,
} from './ops/connections.ts';
import { registerMetrics } from './ops/metrics.ts';
import { registerDraining } from './ops/shutdown.ts';

export const API_VERSION = '1.0.0';
const ONE_MEGABYTE = 1024 * 1024;

export interface AppOptions {
  /** pino options, or false for silence (tests). */
  logger?: boolean | object;
}

/** Believes the nearest `hops` proxies' X-Forwarded-For entries (what a hop count means to proxy-addr). */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** Builds the whole HTTP application around its dependencies; listening is the caller's business. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? {
      level: deps.config.logLevel,
      serializers: { req: requestSerializer },
    },
    bodyLimit: ONE_MEGABYTE,
    trustProxy:
      typeof deps.config.trustProxy === 'number'
        ? trustHops(deps.config.trustProxy)
        : deps.config.trustProxy,
    frameworkErrors: frameworkErrorHandler,
    // Slow clients are bounded (ops/connections.ts): the request head within 10 s, the whole request within 30 s.
    requestTimeout: REQUEST_TIMEOUT_MS,
    http: httpServerTimeouts,
  });
  capConnectionsPerAddress(
    app.server,
    deps.config.maxConnectionsPerAddress,
    trustedPeers(deps.config.trustProxy),
  );
  registerDraining(app);
  registerProblemHandlers(app, deps.db.outage);
  deps.db.outage.attachLog((level, message, details) => app.log[level](details, message));
  registerSecurityHeaders(app);
  registerApiCacheControl(app);
  await registerCompression(app);
  await app.register(cookie);
  await app.register(formbody);
  await app.register(rateLimit, { global: false });
  registerSessionAuth(app, deps);
  registerLiveStreams(app, deps);
  registerMetrics(app, deps);
  if (deps.db.dialect === 'postgres' && deps.config.databaseUrl) {
    const stopWatching = await watchGrantsOfOtherProcesses(
      deps.db,
      deps.config.databaseUrl,
      deps.db.outage.filter((message, error) => app.log.warn({ err: error }, message)),
    );
    app.addHook('onClose', stopWatching);
  }

  const api = new OpenApiRegistry();
  await registerRoutes(app, api, deps);
  app.get('/api/v1/openapi.json', async () => api.document(API_VERSION));
  return app;
}
