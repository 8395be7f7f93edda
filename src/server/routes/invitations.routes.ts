import type { FastifyInstance } from 'fastify';
import {
  AcceptInvitationRequest,
  InvitationInput,
  InvitationListItem,
  InvitationStatus,
  InvitationTokenQuery,
  Me,
} from '../../domain/accounts.ts';
import { IdParams, PageQuery, pageOf } from '../../domain/common.ts';
import { loadActor, setSessionCookie } from '../auth/session-cookie.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import { presentMe } from '../presenters/me.presenter.ts';
import { acceptInvitation } from '../services/invitations-accept.service.ts';
import * as invitations from '../services/invitations.service.ts';
import { invitationPages } from '../pages/invitation.page.ts';

const tags = ['invitations'];

export function invitationsRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'POST',
    url: '/api/v1/invitations',
    summary:
      'Invite someone to a participation or a series role; the answer carries the link, once',
    tags,
    body: InvitationInput,
    response: InvitationListItem,
    status: 201,
    handler: ({ actor, body }) => invitations.createInvitation(deps, actor, body),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/series/{id}/invitations',
    summary: "A series' invitations (never their links)",
    tags,
    params: IdParams,
    query: PageQuery,
    response: pageOf(InvitationListItem),
    handler: ({ actor, params, query }) =>
      invitations.listInvitations(deps, actor, params.id, query),
  });
  route(app, api, {
    method: 'DELETE',
    url: '/api/v1/invitations/{id}',
    summary: 'Revoke an unused invitation',
    tags,
    params: IdParams,
    handler: ({ actor, params }) => invitations.revokeInvitation(deps, actor, params.id),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/invitations/status',
    summary: 'Whether a link is valid, expired, used or unknown, and what it grants',
    tags,
    query: InvitationTokenQuery,
    response: InvitationStatus,
    handler: ({ query, reply }) => {
      reply.header('cache-control', 'no-store');
      return invitations.invitationStatus(deps, query.token);
    },
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/invitations/accept',
    summary: 'Accept an invitation: creates or checks the account and signs in',
    tags,
    body: AcceptInvitationRequest,
    response: Me,
    // Limits guessing an existing account's password through a link meant for it.
    rateLimit: { max: 20, timeWindow: '1 minute' },
    handler: async ({ body, reply }) => {
      const { secret, expires } = await acceptInvitation(deps, body);
      setSessionCookie(reply, deps, secret, expires);
      return presentMe(await loadActor(deps, secret));
    },
  });
  invitationPages(app, deps);
}
