import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { loadHomeView, renderHomePage } from '../pages/home.page.ts';

/** GET / : the server-rendered public home page (an HTML page, so not in the OpenAPI document). */
export function homeRoutes(app: FastifyInstance, _api: OpenApiRegistry, deps: Deps) {
  app.get('/', async (_request, reply) => {
    const page = renderHomePage(await loadHomeView(deps));
    // Always the public view, whoever asks; revalidate so a new round shows at once.
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
  });
}
