import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import { checkReadiness } from '../ops/readiness.ts';

const Health = z.object({
  status: z.literal('ok'),
  database: z.object({ dialect: z.string() }),
  uptimeSeconds: z.number(),
});

const Ready = z.object({
  status: z.enum(['ready', 'not ready']),
  checks: z.object({
    database: z.boolean(),
    disk: z.boolean().nullable(),
    worker: z.boolean().nullable(),
    listening: z.boolean().nullable(),
  }),
});

/** Seconds a load balancer may wait before asking a server that is not ready again. */
const READY_RETRY_AFTER_SECONDS = 5;

/**
 * Liveness and readiness, for load balancers and systemd (see docs/operations.md). Liveness asks
 * nothing of the database: a process whose database is away is not to be restarted, it recovers
 * by itself; readiness says whether to send it traffic now.
 */
export function healthRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/health',
    summary:
      'Liveness: the process answers (always 200 while it runs; it does not ask the database)',
    tags: ['health'],
    response: Health,
    handler: async () => ({
      status: 'ok' as const,
      database: { dialect: deps.db.dialect },
      uptimeSeconds: Math.round(process.uptime()),
    }),
  });

  route(app, api, {
    method: 'GET',
    url: '/api/v1/ready',
    summary:
      'Readiness: the database takes a write, its disk has room (SQLite), the analysis worker answers and the LISTEN connections are up (PostgreSQL); 503 with Retry-After otherwise',
    tags: ['health'],
    response: Ready,
    handler: async ({ reply }) => {
      const { ready, checks } = await checkReadiness(deps);
      reply.header('cache-control', 'no-store');
      if (!ready) reply.status(503).header('retry-after', String(READY_RETRY_AFTER_SECONDS));
      return { status: ready ? ('ready' as const) : ('not ready' as const), checks };
    },
  });
}
