import type { FastifyInstance } from 'fastify';
import { IdParams, PageQuery, pageOf } from '../../domain/common.ts';
import { Participation, ParticipationInput, ParticipationPatch } from '../../domain/people.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import { RoundBalance } from '../presenters/participations.presenter.ts';
import * as participations from '../services/participations.service.ts';

const tags = ['participations'];

/** Who is in a round's room: confidential; nominated by focal points, approved by organisers. */
export function participationsRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/rounds/{id}/participations',
    summary: "List a round's participations (confidential)",
    tags,
    params: IdParams,
    query: PageQuery,
    response: pageOf(Participation),
    handler: ({ actor, params, query }) =>
      participations.listParticipations(deps, actor, params.id, query),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/rounds/{id}/participations',
    summary: 'Add a participant (organisers) or nominate one (focal points)',
    tags,
    params: IdParams,
    body: ParticipationInput,
    response: Participation,
    status: 201,
    handler: ({ actor, params, body }) =>
      participations.createParticipation(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/participations/{id}',
    summary: 'Get a participation (confidential)',
    tags,
    params: IdParams,
    response: Participation,
    handler: ({ actor, params }) => participations.getParticipation(deps, actor, params.id),
  });
  route(app, api, {
    method: 'PATCH',
    url: '/api/v1/participations/{id}',
    summary: 'Edit a participation or move its status',
    tags,
    params: IdParams,
    body: ParticipationPatch,
    response: Participation,
    handler: ({ actor, params, body }) =>
      participations.updateParticipation(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/rounds/{id}/balance',
    summary: 'Counts of the room by delegation, background, gender, role and status',
    tags,
    params: IdParams,
    response: RoundBalance,
    handler: ({ actor, params }) => participations.roundBalance(deps, actor, params.id),
  });
}
