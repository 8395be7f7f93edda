import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { badRequest, HttpError } from './errors.ts';
import { zodFieldErrors } from './problem.ts';
import type { OpenApiRegistry } from './openapi.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext<P, Q, B> {
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
> {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  response?: R;
  status?: number;
  /** Per-route rate limit, e.g. { max: 10, timeWindow: '1 minute' }. */
  rateLimit?: { max: number; timeWindow: string };
  /** Largest body in bytes, where a route takes more than the app's 1 MiB (an uploaded export). */
  bodyLimit?: number;
  handler: (
    ctx: RouteContext<z.output<P>, z.output<Q>, z.output<B>>,
  ) => Promise<z.input<R> | undefined>;
}

function parsePart<T extends z.ZodType>(
  schema: T | undefined,
  value: unknown,
  where: string,
): z.output<T> {
  if (!schema) return undefined as z.output<T>;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success)
    throw badRequest(`The ${where} is not valid.`, zodFieldErrors(result.error, where));
  return result.data;
}

/**
 * The API takes JSON only. A form another site makes a browser post (urlencoded, multipart,
 * text/plain) sends no preflight, so it must never reach a handler: an accept or a login so
 * sent would sign the victim in to the attacker's account (login CSRF).
 */
function requireJson(request: FastifyRequest) {
  const type = request.headers['content-type'];
  if (request.method === 'GET' || type === undefined || /^application\/json\s*(;|$)/i.test(type))
    return;
  throw new HttpError(415, 'Unsupported Media Type', 'Send application/json.', [
    { field: 'header.content-type', message: 'must be application/json' },
  ]);
}

/**
 * Declares one endpoint: validation of params, query and body against the shared zod
 * schemas, the handler, and its entry in the OpenAPI document. Reads like a sentence:
 * `route(app, api, { method: 'POST', url: '/api/v1/series', body: SeriesInput, handler })`.
 */
export function route<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
>(app: FastifyInstance, api: OpenApiRegistry, spec: RouteSpec<P, Q, B, R>) {
  api.add(spec);
  app.route({
    method: spec.method,
    url: spec.url.replace(/\{(\w+)\}/g, ':$1'),
    config: spec.rateLimit ? { rateLimit: spec.rateLimit } : {},
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    handler: async (request, reply) => {
      requireJson(request);
      const params = parsePart(spec.params, request.params, 'path');
      const query = parsePart(spec.query, request.query, 'query');
      const body = spec.body ? parsePart(spec.body, request.body, 'body') : undefined;
      const result = await spec.handler({
        actor: request.actor,
        params,
        query,
        body: body as z.output<B>,
        request,
        reply,
      });
      if (reply.sent) return reply;
      // A handler may set its own status (e.g. 503); otherwise the route's declared one applies.
      const status =
        reply.statusCode === 200
          ? (spec.status ?? (result === undefined ? 204 : 200))
          : reply.statusCode;
      return reply.status(status).send(result);
    },
  });
}
