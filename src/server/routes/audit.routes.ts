import type { FastifyInstance } from 'fastify';
import { AuditEntry } from '../../domain/accounts.ts';
import { IdParams, PageQuery, pageOf } from '../../domain/common.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as audit from '../services/audit.service.ts';

const tags = ['audit'];

export function auditRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/audit',
    summary: 'The audit log, newest first (admins)',
    tags,
    query: PageQuery,
    response: pageOf(AuditEntry),
    handler: ({ actor, query }) => audit.listAudit(deps, actor, query),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/series/{id}/audit',
    summary: "A series' audit log, newest first (its organisers)",
    tags,
    params: IdParams,
    query: PageQuery,
    response: pageOf(AuditEntry),
    handler: ({ actor, params, query }) => audit.listSeriesAudit(deps, actor, params.id, query),
  });
}
