import type { FastifyRequest } from 'fastify';

/** Secrets that travel in URLs (invitation links, ?token=) are cut from every logged URL. */
export function redactUrl(url: string): string {
  return url
    .replace(/^(\/(?:app\/)?invitations\/)[^/?#]+/, '$1[redacted]')
    .replace(/([?&]token=)[^&#]*/g, '$1[redacted]');
}

/** Fastify's request serializer with the URL redacted. */
export const requestSerializer = (request: FastifyRequest) => ({
  method: request.method,
  url: redactUrl(request.url),
  host: request.host,
  remoteAddress: request.ip,
});
