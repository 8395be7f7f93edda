import type { FastifyReply } from 'fastify';
import type { LiveEvent, LiveHub } from './hub.ts';

export const HEARTBEAT_MS = 15_000;
/** A client this far behind (slow link, stalled tab) is dropped; it reconnects with Last-Event-ID. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** Browsers wait this long before reconnecting. */
const RETRY_MS = 2000;

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

/** Open event streams of one app, so a shutdown can end them instead of waiting for them. */
export class EventStreams {
  private readonly open = new Set<() => void>();

  add(end: () => void): () => void {
    this.open.add(end);
    return () => this.open.delete(end);
  }

  endAll(): void {
    for (const end of [...this.open]) end();
    this.open.clear();
  }
}

/**
 * Turns the reply into a server-sent event stream of a session: replays stored events after
 * `afterSeq`, then pushes live ones, with a heartbeat comment every 15 s.
 */
export function streamSessionEvents(
  reply: FastifyReply,
  hub: LiveHub,
  streams: EventStreams,
  sessionId: string,
  afterSeq: number | null,
) {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // Proxies such as nginx must not buffer the stream.
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  raw.write(`retry: ${RETRY_MS}\n: connected\n\n`);

  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    forget();
    raw.end();
  };
  const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const unsubscribe = hub.subscribe(sessionId, afterSeq, (event) => {
    if (ended) return;
    if (raw.writableLength > MAX_BUFFERED_BYTES) return end();
    raw.write(frameOf(event));
  });
  const forget = streams.add(end);
  raw.on('close', end);
  raw.on('error', end);
}
