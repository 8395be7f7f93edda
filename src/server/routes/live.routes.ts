import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../domain/common.ts';
import type { Deps } from '../deps.ts';
import { badRequest, HttpError } from '../http/errors.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import { PUBLIC } from '../auth/actor.ts';
import { resolveSignIn, SESSION_COOKIE } from '../auth/session-cookie.ts';
import { hashSecret } from '../ids.ts';
import { formatEvent, streamSessionEvents } from '../live/sse.ts';
import { STREAM_RETRY_AFTER_SECONDS } from '../live/stream-access.ts';
import {
  authoriseLiveEvents,
  latestEventSeq,
  storedEventsAfter,
} from '../services/analysis.service.ts';

const tags = ['live'];
const Seq = z.coerce
  .number()
  .int('must be an event id')
  .min(0, 'must be an event id')
  .max(Number.MAX_SAFE_INTEGER);
const EventsQuery = z.object({
  after: Seq.optional(),
  /** Answer the stored events after `after` and close, instead of streaming (a fallback for proxies that buffer streams). */
  once: z.stringbool({ error: 'must be true or false' }).optional(),
});

/** The Last-Event-ID a reconnecting browser sends; it wins over ?after=. */
function lastEventId(header: string | string[] | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const parsed = Seq.safeParse(Array.isArray(header) ? header[0] : header);
  if (!parsed.success)
    throw badRequest('The Last-Event-ID header is not valid.', [
      { field: 'header.last-event-id', message: 'must be an event id' },
    ]);
  return parsed.data;
}

export function liveRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: '/api/v1/sessions/{id}/events',
    summary: `Follow a session live (server-sent events: vote-counts, statement, session, analysis); Last-Event-ID or ?after= replays missed events. A stream ends after its lifetime (the client reconnects), at once when its sign-in ends or loses access; more than the allowed streams per user or address get 429 with Retry-After: ${STREAM_RETRY_AFTER_SECONDS}`,
    tags,
    params: IdParams,
    query: EventsQuery,
    handler: async ({ actor, params, query, request, reply }) => {
      const afterSeq = lastEventId(request.headers['last-event-id']) ?? query.after ?? null;
      if (query.once) {
        await authoriseLiveEvents(deps, actor, params.id);
        reply.header('cache-control', 'no-cache').type('text/event-stream; charset=utf-8');
        return (await storedEventsAfter(deps, params.id, afterSeq ?? 0)).map(formatEvent).join('');
      }
      // A stream outlives the request: authorise its sign-in as loaded now (not a cached actor),
      // and have it re-checked if a grant changed since this generation.
      const generation = deps.db.grants.generation;
      const signInHash = actor.user ? hashSecret(request.cookies[SESSION_COOKIE]!) : null;
      const signIn = signInHash ? await resolveSignIn(deps, signInHash) : null;
      await authoriseLiveEvents(deps, signIn?.actor ?? PUBLIC, params.id);
      if (!deps.live)
        throw new HttpError(
          503,
          'Service Unavailable',
          'Live updates are not running on this server.',
        );
      const owner = {
        userId: signIn!.actor.user!.id,
        signInHash: signInHash!,
        address: request.ip,
        sessionId: params.id,
        expiresAt: signIn!.expiresAt,
      };
      streamSessionEvents(reply, deps.live, {
        sessionId: params.id,
        // A fresh stream starts at the newest stored event, whose id it is given to resume from.
        afterSeq: afterSeq ?? (await latestEventSeq(deps, params.id)),
        register: (end) => app.liveStreams.add(owner, end, generation),
      });
      return undefined;
    },
  });
}
