import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../domain/common.ts';
import {
  Conclusions,
  ConclusionsInput,
  EndorsementInput,
  Revision,
} from '../../domain/outcomes.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as conclusions from '../services/conclusions.service.ts';

const tags = ['outcomes'];

/** Agreed conclusions of a round, endorsed per delegation by its head. */
export function conclusionsRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/rounds/{id}/conclusions',
    summary: 'The agreed conclusions and which delegations endorsed them',
    tags,
    params: IdParams,
    response: Conclusions,
    handler: ({ actor, params }) => conclusions.getConclusions(deps, actor, params.id),
  });
  route(app, api, {
    method: 'PUT',
    url: '/api/v1/rounds/{id}/conclusions',
    summary:
      'Draft or edit the conclusions (baseVersion 0 for the first draft; frozen once endorsed: 409)',
    tags,
    params: IdParams,
    body: ConclusionsInput,
    response: Conclusions,
    handler: ({ actor, params, body }) => conclusions.saveConclusions(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/rounds/{id}/conclusions/endorsements',
    summary: "Endorse the conclusions for one's delegation (heads of delegation)",
    tags,
    params: IdParams,
    body: EndorsementInput,
    response: Conclusions,
    status: 201,
    handler: ({ actor, params, body }) =>
      conclusions.endorseConclusions(deps, actor, params.id, body.version),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/rounds/{id}/conclusions/revisions',
    summary: 'Every version of the conclusions',
    tags,
    params: IdParams,
    response: z.object({ items: z.array(Revision) }),
    handler: ({ actor, params }) => conclusions.listConclusionRevisions(deps, actor, params.id),
  });
}
