import type { FastifyInstance } from 'fastify';
import { User, UserInput, UserPatch } from '../../domain/accounts.ts';
import { IdParams, PageQuery, pageOf } from '../../domain/common.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as users from '../services/users.service.ts';

const tags = ['users'];

export function usersRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/users',
    summary: 'List accounts (admins)',
    tags,
    query: PageQuery,
    response: pageOf(User),
    handler: ({ actor, query }) => users.listUsers(deps, actor, query),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/users',
    summary: 'Create an account (admins)',
    tags,
    body: UserInput,
    response: User,
    status: 201,
    handler: ({ actor, body }) => users.createUserAccount(deps, actor, body),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/users/{id}',
    summary: 'Get an account (admins, or the account itself)',
    tags,
    params: IdParams,
    response: User,
    handler: ({ actor, params }) => users.getUser(deps, actor, params.id),
  });
  route(app, api, {
    method: 'PATCH',
    url: '/api/v1/users/{id}',
    summary: 'Edit an account; only admins change isAdmin, email or the linked person (audited)',
    tags,
    params: IdParams,
    body: UserPatch,
    response: User,
    handler: ({ actor, params, body }) => users.updateUser(deps, actor, params.id, body),
  });
}
