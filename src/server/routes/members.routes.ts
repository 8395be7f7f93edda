import type { FastifyInstance } from 'fastify';
import { SeriesMember, SeriesMemberInput } from '../../domain/accounts.ts';
import { IdParams, PageQuery, pageOf } from '../../domain/common.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as members from '../services/members.service.ts';

const tags = ['series roles'];

export function membersRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/series/{id}/members',
    summary: "List a series' organisers, focal points and sponsors",
    tags,
    params: IdParams,
    query: PageQuery,
    response: pageOf(SeriesMember),
    handler: ({ actor, params, query }) => members.listMembers(deps, actor, params.id, query),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/series/{id}/members',
    summary: 'Grant a series role (audited)',
    tags,
    params: IdParams,
    body: SeriesMemberInput,
    response: SeriesMember,
    status: 201,
    handler: ({ actor, params, body }) => members.grantMember(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'DELETE',
    url: '/api/v1/series-members/{id}',
    summary: 'Remove a series role (audited)',
    tags,
    params: IdParams,
    handler: ({ actor, params }) => members.revokeMember(deps, actor, params.id),
  });
}
