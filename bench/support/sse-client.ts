import http from 'node:http';

/** One server-sent event as received: the id line, the event name and the data text. */
export interface SseEvent {
  id: number | null;
  event: string;
  data: string;
  /** When the event's last byte was read, in ms since the epoch (sub-millisecond; comparable across threads and processes). */
  receivedAt: number;
}

export interface EventStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Every event received so far, in order. */
  events: SseEvent[];
  /** The last id the server sent, as a browser's EventSource keeps it (an id-only block sets it too). */
  readonly lastEventId: number | null;
  /** Every `retry:` hint received (ms), in order: the first block's, then e.g. a farewell's. */
  retryHints: number[];
  onEvent(listener: (event: SseEvent) => void): void;
  /** Resolves with the first event (already received or future) that matches; rejects after timeoutMs. */
  waitFor(match: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * A minimal EventSource over plain http.request (no browser), for tests and benchmarks.
 * Non-2xx answers resolve too, with the status and no events, so callers can assert on them.
 */
export function openEventStream(
  url: string,
  options: {
    cookie?: string;
    lastEventId?: number;
    agent?: http.Agent;
    headers?: Record<string, string>;
  } = {},
): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers };
    if (options.cookie) headers.cookie = options.cookie;
    if (options.lastEventId !== undefined) headers['last-event-id'] = String(options.lastEventId);
    const request = http.request(url, { headers, agent: options.agent }, (response) => {
      const events: SseEvent[] = [];
      const retryHints: number[] = [];
      const listeners: ((event: SseEvent) => void)[] = [];
      let buffer = '';
      let lastEventId: number | null = null;
      let endedResolve!: () => void;
      const ended = new Promise<void>((r) => (endedResolve = r));
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let split: number;
        while ((split = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const { id, event, retry } = parseBlock(block);
          if (id !== null) lastEventId = id;
          if (retry !== null) retryHints.push(retry);
          if (!event) continue;
          events.push(event);
          for (const listener of [...listeners]) listener(event);
        }
      });
      response.on('end', endedResolve);
      response.on('close', endedResolve);
      response.on('error', endedResolve);
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        events,
        retryHints,
        get lastEventId() {
          return lastEventId;
        },
        ended,
        onEvent: (listener) => listeners.push(listener),
        waitFor(match, timeoutMs = 10_000) {
          const found = events.find(match);
          if (found) return Promise.resolve(found);
          return new Promise((res, rej) => {
            const forget = () => listeners.splice(listeners.indexOf(listener), 1);
            const timer = setTimeout(() => {
              forget();
              rej(
                new Error(
                  `no matching event within ${timeoutMs} ms (got ${events.map((e) => e.event).join(', ') || 'none'})`,
                ),
              );
            }, timeoutMs);
            const listener = (event: SseEvent) => {
              if (!match(event)) return;
              clearTimeout(timer);
              forget();
              res(event);
            };
            listeners.push(listener);
          });
        },
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
    request.end();
  });
}

function parseBlock(block: string): {
  id: number | null;
  event: SseEvent | null;
  retry: number | null;
} {
  let id: number | null = null;
  let retry: number | null = null;
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = Number(value);
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  }
  // Comments (heartbeats), a bare `retry:` and an id-only block carry no event (as in browsers).
  if (data.length === 0) return { id, event: null, retry };
  return {
    retry,
    id,
    event: {
      id,
      event,
      data: data.join('\n'),
      receivedAt: performance.timeOrigin + performance.now(),
    },
  };
}
