import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../domain/common.ts';
import {
  PolisExportFiles,
  POLIS_IMPORT_BODY_LIMIT,
  PolisExportQuery,
  PolisImportInput,
  PolisImportResult,
} from '../../domain/outcomes.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as exportsService from '../services/exports.service.ts';
import { importPolisFiles } from '../services/polis-import.files.ts';
import { storedZip } from '../services/exports.zip.ts';

const tags = ['exports'];

/** Exports for organisers, each written to the audit log. */
export function exportsRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/rounds/{id}/export',
    summary:
      'The round as JSON: sessions, approved statements (no authors), aggregate analysis, outcomes, recommendations',
    tags,
    params: IdParams,
    response: z.looseObject({ format: z.string() }),
    handler: ({ actor, params }) => exportsService.exportRound(deps, actor, params.id),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/sessions/{id}/export/polis',
    tags,
    params: IdParams,
    query: PolisExportQuery,
    response: PolisExportFiles,
    summary:
      "A session's votes as a Polis export with anonymous participant ids: JSON (file name → CSV), or ?format=zip for the four CSV files",
    handler: async ({ actor, params, query, reply }) => {
      const result = await exportsService.exportSessionPolis(deps, actor, params.id);
      if (query.format === 'json') return result;
      reply
        .header('content-disposition', `attachment; filename="polis-export-${params.id}.zip"`)
        .type('application/zip')
        .send(storedZip(result.files));
      return undefined;
    },
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/rounds/{id}/sessions/polis-import',
    summary:
      'Brings a Polis export (file name → CSV text) into the round as a new, closed session: comments as statements, votes under pseudonymous participants; a bad file is answered with its name and line',
    tags,
    params: IdParams,
    body: PolisImportInput,
    response: PolisImportResult,
    status: 201,
    bodyLimit: POLIS_IMPORT_BODY_LIMIT,
    handler: ({ actor, params, body }) => importPolisFiles(deps, actor, params.id, body),
  });
}
