import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { renderReportsAtom } from '../pages/feeds.atom.ts';
import { renderRoundIcs, renderRoundsIcs, renderSessionIcs } from '../pages/feeds.ics.ts';
import {
  publicRoundsForCalendar,
  publishedReportsForFeed,
  roundCalendar,
  sessionCalendar,
} from '../services/feeds.service.ts';

const sendCalendar = (reply: FastifyReply, filename: string, body: string) =>
  reply
    .header('cache-control', 'public, max-age=300')
    .header('content-disposition', `inline; filename="${filename}"`)
    .type('text/calendar; charset=utf-8')
    .send(body);

/** Public feeds: published reports (Atom) and round dates (iCalendar). Not JSON API, so not in OpenAPI. */
export function feedsRoutes(app: FastifyInstance, _api: OpenApiRegistry, deps: Deps) {
  app.get('/feeds/reports.atom', async (_request, reply) => {
    const body = renderReportsAtom(
      await publishedReportsForFeed(deps),
      deps.config.publicUrl,
      deps.now(),
    );
    return reply
      .header('cache-control', 'public, max-age=300')
      .type('application/atom+xml; charset=utf-8')
      .send(body);
  });
  app.get('/feeds/rounds.ics', async (_request, reply) => {
    const body = renderRoundsIcs(
      await publicRoundsForCalendar(deps),
      deps.config.publicUrl,
      deps.now(),
    );
    return sendCalendar(reply, 'parley-rounds.ics', body);
  });
  // One round with its sessions, and one session: times in UTC, the venue's zone named.
  app.get<{ Params: { id: string } }>('/feeds/rounds/:id/calendar.ics', async (request, reply) => {
    const { round, sessions } = await roundCalendar(deps, request.params.id);
    const body = renderRoundIcs(round, sessions, deps.config.publicUrl, deps.now());
    return sendCalendar(reply, `parley-round-${round.number}.ics`, body);
  });
  app.get<{ Params: { id: string } }>(
    '/feeds/sessions/:id/calendar.ics',
    async (request, reply) => {
      const { round, session } = await sessionCalendar(deps, request.params.id);
      const body = renderSessionIcs(round, session, deps.config.publicUrl, deps.now());
      return sendCalendar(reply, `parley-session-${session.id}.ics`, body);
    },
  );
}
