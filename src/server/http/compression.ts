import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Compresses API answers and server-rendered pages (brotli or gzip, by Accept-Encoding) above
 * the threshold. Server-sent event streams are never compressed: they write to the socket
 * directly, and text/event-stream is outside the compressible types, so a proxy or a zlib
 * buffer cannot hold an event back. Built web assets arrive compressed already (their .br/.gz
 * copies), which the plugin leaves alone. Request bodies are not decompressed: no client of
 * ours sends one compressed, and a small compressed body can inflate to a large one.
 * Registered before every route, as its onRoute hook requires.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, {
    globalCompression: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
  });
}

/**
 * API answers are about someone (their rounds, votes, sign-in): no shared cache may keep them,
 * and the browser's own cache neither, on a phone that may be passed to someone else. A route
 * that sets its own Cache-Control keeps it.
 */
export function registerApiCacheControl(app: FastifyInstance) {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'private, no-store');
    done(null, payload);
  });
}
