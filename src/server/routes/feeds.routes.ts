import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { renderReportsAtom } from '../pages/feeds.atom.ts';
import { renderRoundsIcs } from '../pages/feeds.ics.ts';
import { publicRoundsForCalendar, publishedReportsForFeed } from '../services/feeds.service.ts';

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
    return reply
      .header('cache-control', 'public, max-age=300')
      .header('content-disposition', 'inline; filename="parley-rounds.ics"')
      .type('text/calendar; charset=utf-8')
      .send(body);
  });
}
