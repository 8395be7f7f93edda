import type { FastifyInstance } from 'fastify';
import { IdParams, PageQuery, pageOf } from '../../domain/common.ts';
import { Round, RoundInput, RoundPatch } from '../../domain/rounds.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as rounds from '../services/rounds.service.ts';

const tags = ['rounds'];

export function roundsRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/series/{id}/rounds',
    summary: 'List the rounds of a series (public)',
    tags,
    params: IdParams,
    query: PageQuery,
    response: pageOf(Round),
    handler: ({ params, query }) => rounds.listRounds(deps, params.id, query),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/series/{id}/rounds',
    summary: 'Add a round to a series',
    tags,
    params: IdParams,
    body: RoundInput,
    response: Round,
    status: 201,
    handler: ({ actor, params, body }) => rounds.createRound(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/rounds/{id}',
    summary: 'Get a round (public)',
    tags,
    params: IdParams,
    response: Round,
    handler: ({ params }) => rounds.getRound(deps, params.id),
  });
  // patchOf: fields the client leaves out stay as they are (the date order is checked on the merged round).
  route(app, api, {
    method: 'PATCH',
    url: '/api/v1/rounds/{id}',
    summary: 'Edit a round or move its status',
    tags,
    params: IdParams,
    body: RoundPatch,
    response: Round,
    handler: ({ actor, params, body }) => rounds.updateRound(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'DELETE',
    url: '/api/v1/rounds/{id}',
    summary: 'Delete a planned round',
    tags,
    params: IdParams,
    handler: ({ actor, params }) => rounds.deleteRound(deps, actor, params.id),
  });
}
