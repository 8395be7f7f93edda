import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../domain/common.ts';
import {
  CarryInput,
  Recommendation,
  RecommendationInput,
  RecommendationPatch,
  StatusChangeInput,
} from '../../domain/outcomes.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as recommendations from '../services/recommendations.service.ts';

const tags = ['outcomes'];

/** Recommendations with stable ids (R2.3), status history with evidence, carried from round to round. */
export function recommendationsRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/rounds/{id}/recommendations',
    summary: "A round's recommendations and those carried into its agenda",
    tags,
    params: IdParams,
    response: z.object({ items: z.array(Recommendation) }),
    handler: ({ actor, params }) =>
      recommendations.listRoundRecommendations(deps, actor, params.id),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/rounds/{id}/recommendations',
    summary: 'Add a recommendation (numbered R<round>.<n>)',
    tags,
    params: IdParams,
    body: RecommendationInput,
    response: Recommendation,
    status: 201,
    handler: ({ actor, params, body }) =>
      recommendations.createRecommendation(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/recommendations/{id}',
    summary: 'A recommendation with its status history',
    tags,
    params: IdParams,
    response: Recommendation,
    handler: ({ actor, params }) => recommendations.getRecommendation(deps, actor, params.id),
  });
  route(app, api, {
    method: 'PATCH',
    url: '/api/v1/recommendations/{id}',
    summary: 'Edit title, text or addressees (status changes go through /status)',
    tags,
    params: IdParams,
    body: RecommendationPatch,
    response: Recommendation,
    handler: ({ actor, params, body }) =>
      recommendations.updateRecommendation(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/recommendations/{id}/status',
    summary: 'Change the status, with its date and evidence',
    tags,
    params: IdParams,
    body: StatusChangeInput,
    response: Recommendation,
    status: 201,
    handler: ({ actor, params, body }) =>
      recommendations.changeStatus(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/recommendations/{id}/carry',
    summary: "Carry into a later round's agenda",
    tags,
    params: IdParams,
    body: CarryInput,
    response: Recommendation,
    status: 201,
    handler: ({ actor, params, body }) =>
      recommendations.carryRecommendation(deps, actor, params.id, body.roundId),
  });
}
