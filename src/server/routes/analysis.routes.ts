import type { FastifyInstance } from 'fastify';
import { RoundAnalysis, SessionAnalysis } from '../../domain/analysis.ts';
import { IdParams } from '../../domain/common.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as analysis from '../services/analysis.service.ts';

const tags = ['analysis'];

export function analysisRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/sessions/{id}/analysis',
    summary: "A session's latest convergence analysis (aggregates only)",
    tags,
    params: IdParams,
    response: SessionAnalysis,
    handler: ({ actor, params }) => analysis.getSessionAnalysis(deps, actor, params.id),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/rounds/{id}/analysis',
    summary: 'The latest analysis of every session of a round',
    tags,
    params: IdParams,
    response: RoundAnalysis,
    handler: ({ actor, params }) => analysis.getRoundAnalysis(deps, actor, params.id),
  });
}
