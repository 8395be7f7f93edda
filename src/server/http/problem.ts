import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import type { DatabaseOutage } from '../db/outage.ts';
import { databaseUnavailable, HttpError, type FieldError } from './errors.ts';

export const PROBLEM_TYPE = 'application/problem+json';

export function zodFieldErrors(error: ZodError, prefix: string): FieldError[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

function send(reply: FastifyReply, error: HttpError) {
  for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
  return reply.status(error.status).type(PROBLEM_TYPE).send(error.toProblem());
}

/** Maps Fastify's own errors (bad JSON, body too large, …) to problems; never a bare 500 for bad input. */
function fromFastify(error: FastifyError): HttpError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'Payload Too Large', 'The request body is over the 1 MB limit.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'Unsupported Media Type', 'Send application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'Bad Request', 'The JSON body is empty.', [
        { field: 'body', message: 'required' },
      ]);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'Bad Request', 'The body is not valid JSON.', [
        { field: 'body', message: error.message },
      ]);
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return new HttpError(400, 'Bad Request', 'The body is not valid JSON.', [
      { field: 'body', message: error.message },
    ]);
  }
  if (error.statusCode === 429) return new HttpError(429, 'Too Many Requests', error.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return new HttpError(error.statusCode, 'Bad Request', error.message);
  return undefined;
}

/** Errors the router raises before any route runs (bad percent-encoding, over-long ids). */
export function frameworkErrorHandler(error: FastifyError, _request: unknown, reply: FastifyReply) {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  return send(
    reply,
    new HttpError(
      status,
      status === 414 ? 'URI Too Long' : 'Bad Request',
      'The request URL is not valid.',
      [{ field: 'path', message: error.message }],
    ),
  );
}

/**
 * Every error leaves as application/problem+json; unexpected ones are logged and hidden. The
 * database being unavailable is no bug: 503 with Retry-After, logged once per incident.
 */
export function registerProblemHandlers(app: FastifyInstance, outage: DatabaseOutage) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return send(reply, error);
    if (error instanceof ZodError)
      return send(
        reply,
        new HttpError(400, 'Bad Request', 'The request is not valid.', zodFieldErrors(error, '')),
      );
    const mapped = fromFastify(error);
    if (mapped) return send(reply, mapped);
    if (outage.report(error, `${request.method} ${request.routeOptions.url ?? request.url}`))
      return send(reply, databaseUnavailable());
    request.log.error({ err: error }, 'unhandled error');
    return send(
      reply,
      new HttpError(
        500,
        'Internal Server Error',
        'Something went wrong on our side; it has been logged.',
      ),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      new HttpError(404, 'Not Found', `No route ${request.method} ${request.url.split('?')[0]}.`),
    ),
  );
}
