import { Server as NetServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connect.ts';
import { HttpError } from '../http/errors.ts';
import { flushVoteBatches } from '../repositories/votes.batch.ts';

/**
 * Idle keep-alive connections are left to their clients to close for up to this share of the
 * bound, not closed at once: a client about to send on one gets a 503 with Connection: close and
 * goes elsewhere, rather than a reset (which loses a POST). Most clients close an idle connection
 * within seconds (Node's fetch after 4 s); browsers keep theirs, and those are cut then.
 */
const IDLE_SHARE_OF_BOUND = 0.3;
/** What a request that arrives during a shutdown is told to wait before sending it again. */
const SHUTDOWN_RETRY_AFTER_SECONDS = 1;

declare module 'fastify' {
  interface FastifyInstance {
    /** Requests being answered, and whether the server is shutting down (ops/shutdown.ts). */
    drain: { draining: boolean; inFlight: number };
  }
}

/**
 * Counts the requests in flight and, once a shutdown has begun, answers new ones 503 with
 * Retry-After, and every answer with Connection: close, so that keep-alive clients leave.
 */
export function registerDraining(app: FastifyInstance) {
  const drain = { draining: false, inFlight: 0 };
  app.decorate('drain', drain);
  app.addHook('onRequest', async (request, reply) => {
    if (drain.draining)
      throw new HttpError(
        503,
        'Service Unavailable',
        'This server is shutting down; send the request again.',
        undefined,
        { 'retry-after': String(SHUTDOWN_RETRY_AFTER_SECONDS), connection: 'close' },
      );
    drain.inFlight++;
    reply.raw.once('close', () => drain.inFlight--);
  });
  app.addHook('onSend', async (_request, reply) => {
    if (drain.draining) reply.header('connection', 'close');
  });
}

/** Unref'd: a bound that is not needed must not keep the process alive once all is closed. */
const sleep = (ms: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)).unref());

async function until(done: () => boolean | Promise<boolean>, deadline: number) {
  while (!(await done()) && performance.now() < deadline) await sleep(20);
}

const connections = (app: FastifyInstance) =>
  new Promise<number>((resolve) => app.server.getConnections((_error, count) => resolve(count)));

/**
 * A graceful stop within `timeoutMs`: stop accepting connections, end live streams with a
 * reconnect hint, answer the requests in flight (new ones on open connections get 503 with
 * Connection: close), write the votes still queued, then close connections, the live hub and the
 * database (the app's onClose hooks). Past the bound, connections still open are cut.
 */
export async function shutDownGracefully(
  app: FastifyInstance,
  db: Db,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  app.drain.draining = true;
  // net.Server's close stops accepting; http.Server's would also close idle connections at once,
  // resetting a request a client is sending on one just then.
  NetServer.prototype.close.call(app.server);
  app.liveStreams.endAll();
  const cutAt = performance.now() + timeoutMs * IDLE_SHARE_OF_BOUND;
  await until(async () => app.drain.inFlight === 0 && (await connections(app)) === 0, cutAt);
  await Promise.race([flushVoteBatches(db), sleep(deadline - performance.now())]);
  if (app.drain.inFlight > 0)
    app.log.warn(
      { inFlight: app.drain.inFlight },
      'shutdown bound reached: cutting the requests still in flight',
    );
  app.server.closeAllConnections();
  app.log.debug('shutdown: requests answered, votes written; closing');
  await Promise.race([app.close(), sleep(deadline - performance.now() + 1000)]);
  app.log.info({ ms: Math.round(performance.now() - deadline + timeoutMs) }, 'shutdown: closed');
}
