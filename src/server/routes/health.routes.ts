import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import { healthRepo } from '../repositories/health.repository.ts';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ dialect: z.string(), ok: z.boolean() }),
  uptimeSeconds: z.number(),
});

export function healthRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/health',
    summary: 'Is the server and its database up?',
    tags: ['health'],
    response: Health,
    handler: async ({ reply }) => {
      let ok = true;
      try {
        await healthRepo.ping(deps.db.kysely);
      } catch {
        ok = false;
        reply.status(503);
      }
      return {
        status: ok ? ('ok' as const) : ('degraded' as const),
        database: { dialect: deps.db.dialect, ok },
        uptimeSeconds: Math.round(process.uptime()),
      };
    },
  });
}
