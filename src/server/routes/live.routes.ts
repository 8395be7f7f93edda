import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../domain/common.ts';
import type { Deps } from '../deps.ts';
import { badRequest, HttpError } from '../http/errors.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import { EventStreams, formatEvent, streamSessionEvents } from '../live/sse.ts';
import { authoriseLiveEvents, storedEventsAfter } from '../services/analysis.service.ts';

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
  const streams = new EventStreams();
  // Open streams would otherwise keep the server from closing.
  app.addHook('preClose', (done) => {
    streams.endAll();
    done();
  });

  route(app, api, {
    method: 'GET',
    url: '/api/v1/sessions/{id}/events',
    summary:
      'Follow a session live (server-sent events: vote-counts, statement, session, analysis); Last-Event-ID or ?after= replays missed events',
    tags,
    params: IdParams,
    query: EventsQuery,
    handler: async ({ actor, params, query, request, reply }) => {
      const afterSeq = lastEventId(request.headers['last-event-id']) ?? query.after ?? null;
      await authoriseLiveEvents(deps, actor, params.id);
      if (query.once) {
        reply.header('cache-control', 'no-cache').type('text/event-stream; charset=utf-8');
        return (await storedEventsAfter(deps, params.id, afterSeq ?? 0)).map(formatEvent).join('');
      }
      if (!deps.live)
        throw new HttpError(
          503,
          'Service Unavailable',
          'Live updates are not running on this server.',
        );
      streamSessionEvents(reply, deps.live, streams, params.id, afterSeq);
      return undefined;
    },
  });
}
