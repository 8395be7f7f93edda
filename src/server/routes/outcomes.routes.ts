import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Id, IdParams, pageOf } from '../../domain/common.ts';
import {
  EvidenceInput,
  OutcomeItem,
  OutcomeItemInput,
  OutcomeItemPatch,
  OutcomeListQuery,
  Revision,
  VisibilityInput,
} from '../../domain/outcomes.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as outcomes from '../services/outcomes.service.ts';

const tags = ['outcomes'];

/** The rapporteur's workbench: outcome items of a round, their evidence and revisions. */
export function outcomesRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/rounds/{id}/outcome-items',
    summary: 'List the outcome items of a round (participants: shared ones only)',
    tags,
    params: IdParams,
    query: OutcomeListQuery,
    response: pageOf(OutcomeItem),
    handler: ({ actor, params, query }) => outcomes.listOutcomeItems(deps, actor, params.id, query),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/rounds/{id}/outcome-items',
    summary: 'Add an outcome item tied to a session and its evidence',
    tags,
    params: IdParams,
    body: OutcomeItemInput,
    response: OutcomeItem,
    status: 201,
    handler: ({ actor, params, body }) => outcomes.createOutcomeItem(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/outcome-items/{id}',
    summary: 'Get an outcome item with its evidence',
    tags,
    params: IdParams,
    response: OutcomeItem,
    handler: ({ actor, params }) => outcomes.getOutcomeItem(deps, actor, params.id),
  });
  route(app, api, {
    method: 'PATCH',
    url: '/api/v1/outcome-items/{id}',
    summary: 'Edit an outcome item (baseVersion; a stale one gets 409 with the current text)',
    tags,
    params: IdParams,
    body: OutcomeItemPatch,
    response: OutcomeItem,
    handler: ({ actor, params, body }) => outcomes.updateOutcomeItem(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/outcome-items/{id}/revisions',
    summary: 'Every version of an outcome item',
    tags,
    params: IdParams,
    response: z.object({ items: z.array(Revision) }),
    handler: ({ actor, params }) => outcomes.listOutcomeRevisions(deps, actor, params.id),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/outcome-items/{id}/evidence',
    summary: 'Cite statements as evidence, freezing their analysis figures',
    tags,
    params: IdParams,
    body: EvidenceInput,
    response: OutcomeItem,
    handler: ({ actor, params, body }) => outcomes.addEvidence(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'DELETE',
    url: '/api/v1/outcome-items/{id}/evidence/{statementId}',
    summary: 'Stop citing a statement',
    tags,
    params: z.object({ id: Id, statementId: Id }),
    handler: ({ actor, params }) =>
      outcomes.removeEvidence(deps, actor, params.id, params.statementId),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/outcome-items/{id}/visibility',
    summary:
      'Share with participants, or approve for publication (organisers; Chatham House Plus quoting check)',
    tags,
    params: IdParams,
    body: VisibilityInput,
    response: OutcomeItem,
    handler: ({ actor, params, body }) =>
      outcomes.setVisibility(deps, actor, params.id, body.visibility),
  });
}
