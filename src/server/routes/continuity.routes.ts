import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../domain/common.ts';
import { AskedAgainInput, Continuity, StatementRepeat } from '../../domain/outcomes.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as continuity from '../services/continuity.service.ts';

const tags = ['outcomes'];

/** Continuity of a series: recommendations new, carried and closed per round; convergence of statements asked again. */
export function continuityRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/series/{id}/continuity',
    summary: 'Recommendations and convergence followed across rounds, ready to chart',
    tags,
    params: IdParams,
    response: Continuity,
    handler: ({ actor, params }) => continuity.getContinuity(deps, actor, params.id),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/statements/{id}/asked-again-as',
    summary: 'Link a statement of a later round that asks this one again',
    tags,
    params: IdParams,
    body: AskedAgainInput,
    response: StatementRepeat,
    status: 201,
    handler: ({ actor, params, body }) =>
      continuity.linkAskedAgain(deps, actor, params.id, body.statementId),
  });
}
