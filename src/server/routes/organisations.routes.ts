import type { FastifyInstance } from 'fastify';
import { IdParams, PageQuery, pageOf } from '../../domain/common.ts';
import { Organisation, OrganisationInput, OrganisationPatch } from '../../domain/series.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as organisations from '../services/organisations.service.ts';

const tags = ['organisations'];

export function organisationsRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/organisations',
    summary: 'List organisations (public)',
    tags,
    query: PageQuery,
    response: pageOf(Organisation),
    handler: ({ query }) => organisations.listOrganisations(deps, query),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/organisations',
    summary: 'Add an organisation',
    tags,
    body: OrganisationInput,
    response: Organisation,
    status: 201,
    handler: ({ actor, body }) => organisations.createOrganisation(deps, actor, body),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/organisations/{id}',
    summary: 'Get an organisation (public)',
    tags,
    params: IdParams,
    response: Organisation,
    handler: ({ params }) => organisations.getOrganisation(deps, params.id),
  });
  route(app, api, {
    method: 'PATCH',
    url: '/api/v1/organisations/{id}',
    summary: 'Edit an organisation',
    tags,
    params: IdParams,
    body: OrganisationPatch,
    response: Organisation,
    handler: ({ actor, params, body }) =>
      organisations.updateOrganisation(deps, actor, params.id, body),
  });
}
