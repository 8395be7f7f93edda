import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../domain/common.ts';
import { MyVote, NextStatement, VoteInput, VoteReceipt } from '../../domain/statements.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as votes from '../services/votes.service.ts';

const tags = ['room'];

export function votesRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'POST',
    url: '/api/v1/sessions/{id}/votes',
    summary: 'Vote (201), or replay a vote already received (200, nothing changes)',
    tags,
    params: IdParams,
    body: VoteInput,
    response: VoteReceipt,
    handler: async ({ actor, params, body, reply }) => {
      const { created, ...receipt } = await votes.castVote(deps, actor, params.id, body);
      if (created) reply.status(201);
      return receipt;
    },
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/sessions/{id}/my-votes',
    summary: 'Your own votes in a session (no one else sees them)',
    tags,
    params: IdParams,
    response: z.object({ items: z.array(MyVote) }),
    handler: ({ actor, params }) => votes.myVotes(deps, actor, params.id),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/sessions/{id}/next',
    summary: 'The next statement to vote on, by routing priority',
    tags,
    params: IdParams,
    response: NextStatement,
    handler: ({ actor, params }) => votes.nextStatement(deps, actor, params.id),
  });
}
