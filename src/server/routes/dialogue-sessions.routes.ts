import type { FastifyInstance } from 'fastify';
import { IdParams, PageQuery, pageOf } from '../../domain/common.ts';
import { Session, SessionInput, SessionPatch } from '../../domain/rounds.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as sessions from '../services/dialogue-sessions.service.ts';

const tags = ['sessions'];

/** The agenda of a round: dialogue sessions (not sign-in sessions). */
export function dialogueSessionsRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/rounds/{id}/sessions',
    summary: "List a round's sessions (public agenda)",
    tags,
    params: IdParams,
    query: PageQuery,
    response: pageOf(Session),
    handler: ({ actor, params, query }) => sessions.listSessions(deps, actor, params.id, query),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/rounds/{id}/sessions',
    summary: 'Add a session to a round',
    tags,
    params: IdParams,
    body: SessionInput,
    response: Session,
    status: 201,
    handler: ({ actor, params, body }) => sessions.createSession(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/sessions/{id}',
    summary: 'Get a session (public agenda)',
    tags,
    params: IdParams,
    response: Session,
    handler: ({ actor, params }) => sessions.getSession(deps, actor, params.id),
  });
  route(app, api, {
    method: 'PATCH',
    url: '/api/v1/sessions/{id}',
    summary: 'Edit a session',
    tags,
    params: IdParams,
    body: SessionPatch,
    response: Session,
    handler: ({ actor, params, body }) => sessions.updateSession(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'DELETE',
    url: '/api/v1/sessions/{id}',
    summary: 'Delete a scheduled session',
    tags,
    params: IdParams,
    handler: ({ actor, params }) => sessions.deleteSession(deps, actor, params.id),
  });
}
