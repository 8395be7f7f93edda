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
  options: { cookie?: string; lastEventId?: number; agent?: http.Agent } = {},
): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (options.cookie) headers.cookie = options.cookie;
    if (options.lastEventId !== undefined) headers['last-event-id'] = String(options.lastEventId);
    const request = http.request(url, { headers, agent: options.agent }, (response) => {
      const events: SseEvent[] = [];
      const listeners: ((event: SseEvent) => void)[] = [];
      let buffer = '';
      let endedResolve!: () => void;
      const ended = new Promise<void>((r) => (endedResolve = r));
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let split: number;
        while ((split = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const event = parseBlock(block);
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

function parseBlock(block: string): SseEvent | null {
  let id: number | null = null;
  let event = 'message';
  const data: string[] = [];
  let sawField = false;
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = Number(value);
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else continue;
    sawField = true;
  }
  // Comments (heartbeats) and a bare `retry:` carry no event.
  if (!sawField || (data.length === 0 && id === null)) return null;
  return {
    id,
    event,
    data: data.join('\n'),
    receivedAt: performance.timeOrigin + performance.now(),
  };
}
