import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../domain/common.ts';
import { PolisExportFiles } from '../../domain/outcomes.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as exportsService from '../services/exports.service.ts';

const tags = ['exports'];

/** Exports for organisers, each written to the audit log. */
export function exportsRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, { method: 'GET', url: '/api/v1/rounds/{id}/export', summary: 'The round as JSON: sessions, approved statements (no authors), aggregate analysis, outcomes, recommendations', tags, params: IdParams,
    response: z.object({ format: z.string() }).passthrough(),
    handler: ({ actor, params }) => exportsService.exportRound(deps, actor, params.id) });
  route(app, api, { method: 'GET', url: '/api/v1/sessions/{id}/export/polis', summary: "A session's votes as a Polis export (file name → CSV) with anonymous participant ids", tags, params: IdParams, response: PolisExportFiles,
    handler: ({ actor, params }) => exportsService.exportSessionPolis(deps, actor, params.id) });
}
