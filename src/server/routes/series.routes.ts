import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Id, IdParams, PageQuery, pageOf } from '../../domain/common.ts';
import {
  Delegation,
  DelegationInput,
  DelegationPatch,
  Series,
  SeriesInput,
  SeriesOrganisationInput,
  SeriesPatch,
} from '../../domain/series.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as series from '../services/series.service.ts';

const tags = ['series'];

export function seriesRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/series',
    summary: 'List series',
    tags,
    query: PageQuery,
    response: pageOf(Series),
    handler: ({ query }) => series.listSeries(deps, query),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/series',
    summary: 'Create a series with its delegations',
    tags,
    body: SeriesInput,
    response: Series,
    status: 201,
    handler: ({ actor, body }) => series.createSeries(deps, actor, body),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/series/{id}',
    summary: 'Get a series',
    tags,
    params: IdParams,
    response: Series,
    handler: ({ params }) => series.getSeries(deps, params.id),
  });
  route(app, api, {
    method: 'PATCH',
    url: '/api/v1/series/{id}',
    summary: 'Edit a series',
    tags,
    params: IdParams,
    body: SeriesPatch,
    response: Series,
    handler: ({ actor, params, body }) => series.updateSeries(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'DELETE',
    url: '/api/v1/series/{id}',
    summary: 'Delete a series and everything in it',
    tags,
    params: IdParams,
    handler: ({ actor, params }) => series.deleteSeries(deps, actor, params.id),
  });

  route(app, api, {
    method: 'POST',
    url: '/api/v1/series/{id}/delegations',
    summary: 'Add a delegation (a side)',
    tags,
    params: IdParams,
    body: DelegationInput,
    response: Delegation,
    status: 201,
    handler: ({ actor, params, body }) => series.addDelegation(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'PATCH',
    url: '/api/v1/delegations/{id}',
    summary: 'Rename or reorder a delegation',
    tags,
    params: IdParams,
    body: DelegationPatch,
    response: Delegation,
    handler: ({ actor, params, body }) => series.updateDelegation(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'DELETE',
    url: '/api/v1/delegations/{id}',
    summary: 'Remove a delegation',
    tags,
    params: IdParams,
    handler: ({ actor, params }) => series.deleteDelegation(deps, actor, params.id),
  });

  route(app, api, {
    method: 'POST',
    url: '/api/v1/series/{id}/organisations',
    summary: 'Give an organisation a part (convener, partner, sponsor)',
    tags,
    params: IdParams,
    body: SeriesOrganisationInput,
    response: Series,
    status: 201,
    handler: ({ actor, params, body }) => series.linkOrganisation(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'DELETE',
    url: '/api/v1/series/{id}/organisations/{organisationId}',
    summary: "Remove an organisation's part",
    tags,
    params: z.object({ id: Id, organisationId: Id }),
    handler: ({ actor, params }) =>
      series.unlinkOrganisation(deps, actor, params.id, params.organisationId),
  });
}
