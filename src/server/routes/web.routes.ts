import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { html } from '../pages/html.ts';
import { ROOT } from '../runtime.ts';

/** Where `npm run build:web` writes the web app. */
export const WEB_ROOT = fileURLToPath(new URL('dist/web/', ROOT));

/** Built file names carry a content hash, so they can be cached for good. */
const ASSET = /^assets\/[A-Za-z0-9_.-]+$/;

function notBuilt(reply: FastifyReply) {
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parley: web app not built</title></head>
<body><h1>The web app has not been built</h1>
<p>Run <code>npm run build:web</code> (or start Parley with <code>npm start</code>, which builds it first), then reload this page.</p>
</body></html>`;
  return reply
    .status(503)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(String(page));
}

/**
 * The React app at /app/: hashed assets from dist/web/assets, and index.html for every other
 * path under /app/ so the app's own router handles deep links (/app/rounds/…, /app/login).
 * Registered in its own scope so its reply.sendFile cannot clash with another static root.
 */
export function webRoutes(app: FastifyInstance, _api: OpenApiRegistry, _deps: Deps) {
  serveWebApp(app, WEB_ROOT);
}

/** Serves a built web app from `root` (a directory ending in a slash) at /app/. */
export function serveWebApp(app: FastifyInstance, root: string) {
  app.register(async (scope) => {
    // preCompressed: file.br or file.gz (written by the build) by Accept-Encoding; the plain
    // file when the client takes neither or the compressed copy is missing.
    await scope.register(fastifyStatic, { root, serve: false, preCompressed: true });
    scope.get('/app', (_request, reply) => reply.redirect('/app/', 301));
    scope.get('/app/*', (request, reply) => {
      if (!existsSync(join(root, 'index.html'))) return notBuilt(reply);
      const wanted = (request.params as { '*': string })['*'];
      if (wanted.startsWith('assets/')) {
        if (!ASSET.test(wanted) || !existsSync(join(root, wanted))) return reply.callNotFound();
        return reply
          .header('cache-control', 'public, max-age=31536000, immutable')
          .sendFile(wanted, { cacheControl: false });
      }
      // The service worker: always revalidated, so a new build's worker is found at once.
      const file = wanted === 'sw.js' && existsSync(join(root, 'sw.js')) ? 'sw.js' : 'index.html';
      return reply.header('cache-control', 'no-cache').sendFile(file, { cacheControl: false });
    });
  });
}
