import type { FastifyInstance } from 'fastify';
import { IdParams, pageOf } from '../../domain/common.ts';
import { Session } from '../../domain/rounds.ts';
import {
  ModerationInput,
  RevealAuthorInput,
  RevealedAuthor,
  Statement,
  StatementInput,
  StatementListQuery,
  StatementOrder,
  StatementPatch,
} from '../../domain/statements.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as moderation from '../services/statements.moderation.service.ts';
import * as statements from '../services/statements.service.ts';

const tags = ['room'];

export function statementsRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/sessions/{id}/statements',
    summary: "List a session's statements (approved ones and your own; moderators see the queue)",
    tags,
    params: IdParams,
    query: StatementListQuery,
    response: pageOf(Statement),
    handler: ({ actor, params, query }) => statements.listStatements(deps, actor, params.id, query),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/sessions/{id}/statements',
    summary: 'Seed (organisers) or submit (participants) a statement',
    tags,
    params: IdParams,
    body: StatementInput,
    response: Statement,
    status: 201,
    handler: ({ actor, params, body }) => statements.createStatement(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/statements/{id}',
    summary: 'Get a statement',
    tags,
    params: IdParams,
    response: Statement,
    handler: ({ actor, params }) => statements.getStatement(deps, actor, params.id),
  });
  route(app, api, {
    method: 'PATCH',
    url: '/api/v1/statements/{id}',
    summary: 'Correct your own pending statement (earlier wording kept)',
    tags,
    params: IdParams,
    body: StatementPatch,
    response: Statement,
    handler: ({ actor, params, body }) => statements.correctStatement(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/statements/{id}/moderation',
    summary: 'Approve, reject, merge or edit a statement',
    tags,
    params: IdParams,
    body: ModerationInput,
    response: Statement,
    handler: ({ actor, params, body }) =>
      moderation.moderateStatement(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'PUT',
    url: '/api/v1/sessions/{id}/statement-order',
    summary: "Set the order of a session's approved statements (moderators)",
    tags,
    params: IdParams,
    body: StatementOrder,
    response: StatementOrder,
    handler: ({ actor, params, body }) =>
      moderation.reorderStatements(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/statements/{id}/reveal-author',
    summary: 'Reveal a sealed author for abuse (admins; audited)',
    tags,
    params: IdParams,
    body: RevealAuthorInput,
    response: RevealedAuthor,
    handler: ({ actor, params, body }) => moderation.revealAuthor(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/sessions/{id}/open',
    summary: 'Open a session for statements and votes',
    tags,
    params: IdParams,
    response: Session,
    handler: ({ actor, params }) => moderation.setSessionStatus(deps, actor, params.id, 'open'),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/sessions/{id}/close',
    summary: 'Close a session: statements, votes and moderation freeze',
    tags,
    params: IdParams,
    response: Session,
    handler: ({ actor, params }) => moderation.setSessionStatus(deps, actor, params.id, 'closed'),
  });
}
