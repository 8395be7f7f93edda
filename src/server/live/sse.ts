import type { FastifyReply } from 'fastify';
import type { LiveEvent, LiveHub } from './hub.ts';
import type { EndReason } from './stream-access.ts';

export const HEARTBEAT_MS = 15_000;
/**
 * Unsent data a client may leave queued in this process (beyond what the operating system's
 * socket buffers hold) before it is dropped; it reconnects with Last-Event-ID when it reads again.
 */
export const MAX_BUFFERED_BYTES = 256 * 1024;
/** How long a client may leave the socket over its high-water mark (16 KB) without draining before it is dropped. */
export const STALL_MS = 30_000;
/** Browsers wait this long before reconnecting after a dropped connection. */
const RETRY_MS = 2000;
/** After a stream's lifetime, browsers reconnect within this window, so streams opened together do not all come back together. */
const LIFETIME_RETRY_SPREAD_MS = 4000;
/** After a server's shutdown, browsers reconnect within 0.5-2.5 s. */
const SHUTDOWN_RETRY_MS = 500;
const SHUTDOWN_RETRY_SPREAD_MS = 2000;

export const formatEvent = (event: LiveEvent) =>
  `id: ${event.seq}\nevent: ${event.type}\ndata: ${event.payload}\n\n`;

// Every subscriber gets the same event object: encode its frame once, not once per client.
const frames = new WeakMap<LiveEvent, Buffer>();
function frameOf(event: LiveEvent): Buffer {
  let frame = frames.get(event);
  if (!frame) {
    frame = Buffer.from(formatEvent(event), 'utf8');
    frames.set(event, frame);
  }
  return frame;
}

/** The last words of a stream: a reconnect hint after its lifetime, a comment otherwise. */
function farewell(reason: EndReason): string {
  if (reason === 'lifetime')
    return `retry: ${RETRY_MS + Math.floor(Math.random() * LIFETIME_RETRY_SPREAD_MS)}\n: stream lifetime over, reconnect\n\n`;
  // Soon, and spread out: another server process (or this one, restarted) takes the stream over.
  if (reason === 'shutdown')
    return `retry: ${SHUTDOWN_RETRY_MS + Math.floor(Math.random() * SHUTDOWN_RETRY_SPREAD_MS)}\n: server shutting down, reconnect\n\n`;
  return ': access ended\n\n';
}

export interface SessionStream {
  sessionId: string;
  /** Events after this seq are sent (replayed from the store first); also sent as the stream's first id. */
  afterSeq: number;
  /** Registers the stream (may throw 429 before anything is written); returns its release. */
  register: (end: (reason: EndReason) => void) => () => void;
}

/**
 * Turns the reply into a server-sent event stream of a session: replays stored events after
 * `afterSeq`, then pushes live ones, with a heartbeat comment every 15 s. The first block carries
 * `id: afterSeq`, so even a client that receives no event before the stream ends reconnects with a
 * Last-Event-ID and misses nothing. A client that stops reading is dropped (see MAX_BUFFERED_BYTES
 * and STALL_MS) rather than buffered for.
 */
export function streamSessionEvents(reply: FastifyReply, hub: LiveHub, stream: SessionStream) {
  const raw = reply.raw;
  let ended = false;
  let stall: NodeJS.Timeout | undefined;
  let unsubscribe = () => {};
  const stop = () => {
    ended = true;
    clearInterval(heartbeat);
    clearTimeout(stall);
    unsubscribe();
    release();
  };
  const end = (reason: EndReason) => {
    if (ended) return;
    stop();
    // A client that is not reading would keep the socket (and what is queued) until TCP gives up.
    if (raw.writableNeedDrain) return void raw.destroy();
    raw.end(farewell(reason));
  };
  const drop = () => {
    if (ended) return;
    stop();
    raw.destroy();
  };
  const release = stream.register(end);

  reply.hijack();
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // Proxies such as nginx must not buffer the stream.
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  const send = (chunk: string | Buffer) => {
    if (ended) return;
    const flowing = raw.write(chunk);
    if (raw.writableLength > MAX_BUFFERED_BYTES) return drop();
    if (!flowing && !stall) {
      stall = setTimeout(drop, STALL_MS);
      stall.unref();
    }
  };
  raw.on('drain', () => {
    clearTimeout(stall);
    stall = undefined;
  });
  raw.on('close', drop);
  raw.on('error', drop);
  const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  send(`retry: ${RETRY_MS}\nid: ${stream.afterSeq}\n: connected\n\n`);
  unsubscribe = hub.subscribe(stream.sessionId, stream.afterSeq, (event) => send(frameOf(event)));
}
