import type { FastifyInstance } from 'fastify';
import { IdParams, pageOf } from '../../domain/common.ts';
import {
  Comment,
  CommentHeld,
  CommentInput,
  CommentsQuery,
  ModerationInput,
} from '../../domain/reports.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as comments from '../services/comments.service.ts';

const tags = ['comments'];

/** Comments on published reports: anyone leaves one, held for moderation; organisers approve or reject. */
export function commentsRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'POST',
    url: '/api/v1/reports/{id}/comments',
    summary: 'Leave a comment on a published report (held for moderation)',
    tags,
    params: IdParams,
    body: CommentInput,
    response: CommentHeld,
    status: 202,
    handler: ({ actor, params, body, request }) =>
      comments.addComment(deps, actor, params.id, body, request.ip),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/reports/{id}/comments',
    summary: "A report's comments by status, for moderation",
    tags,
    params: IdParams,
    query: CommentsQuery,
    response: pageOf(Comment),
    handler: ({ actor, params, query }) => comments.listComments(deps, actor, params.id, query),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/comments/{id}/moderation',
    summary: 'Approve or reject a comment',
    tags,
    params: IdParams,
    body: ModerationInput,
    response: Comment,
    handler: ({ actor, params, body }) =>
      comments.moderateComment(deps, actor, params.id, body.decision),
  });
}
