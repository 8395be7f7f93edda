import type { FastifyInstance } from 'fastify';
import { IdParams, PageQuery, pageOf } from '../../domain/common.ts';
import { Person, PersonInput, PersonPatch } from '../../domain/people.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as people from '../services/people.service.ts';

const tags = ['people'];

/** The confidential people directory: organisers, focal points (their delegation), the person themself. */
export function peopleRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/people',
    summary: 'List people (confidential; audited)',
    tags,
    query: PageQuery,
    response: pageOf(Person),
    handler: ({ actor, query }) => people.listPeople(deps, actor, query),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/people',
    summary: 'Add a person to the directory',
    tags,
    body: PersonInput,
    response: Person,
    status: 201,
    handler: ({ actor, body }) => people.createPerson(deps, actor, body),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/people/{id}',
    summary: 'Get a person (confidential)',
    tags,
    params: IdParams,
    response: Person,
    handler: ({ actor, params }) => people.getPerson(deps, actor, params.id),
  });
  route(app, api, {
    method: 'PATCH',
    url: '/api/v1/people/{id}',
    summary: 'Edit a person',
    tags,
    params: IdParams,
    body: PersonPatch,
    response: Person,
    handler: ({ actor, params, body }) => people.updatePerson(deps, actor, params.id, body),
  });
}
