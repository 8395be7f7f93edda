import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { authRoutes } from './auth.routes.ts';
import { healthRoutes } from './health.routes.ts';
import { seriesRoutes } from './series.routes.ts';

/** Every route module, registered in one place. Append new modules here. */
export async function registerRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  healthRoutes(app, api, deps);
  authRoutes(app, api, deps);
  seriesRoutes(app, api, deps);
}
