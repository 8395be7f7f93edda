import { connect, type Socket } from 'node:net';

export interface LoadResult {
  /** Answers with a 2xx status. */
  ok: number;
  non2xx: number;
  errors: number;
  /** Seconds from the first request to the last answer. */
  durationS: number;
  p50Ms: number;
  p99Ms: number;
}

export interface LoadOptions {
  /** http://host:port of the server. */
  url: string;
  connections: number;
  durationS: number;
  /** The i-th request's bytes. Build them before calling (see `prebuilt`): whatever this costs is counted against the server. */
  request: (i: number) => Buffer;
}

/**
 * A small closed-loop HTTP/1.1 load generator: `connections` keep-alive sockets, each sending
 * its next request as soon as the previous answer is complete, for `durationS` seconds. The
 * requests are ready-made bytes, so the client does as little per request as possible: on a
 * machine whose cores the server shares with it, a costly client caps what is measured (with
 * autocannon building each unique request, the client used more CPU than a no-op server).
 * Every route of a run is measured with this same client. Answers must carry Content-Length.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { hostname, port } = new URL(options.url);
  const latencies: number[] = [];
  const totals = { ok: 0, non2xx: 0, errors: 0 };
  const failures: Error[] = [];
  let next = 0;
  const started = performance.now();
  const endsAt = started + options.durationS * 1000;

  const drive = () =>
    new Promise<void>((resolve) => {
      const socket: Socket = connect(Number(port), hostname);
      socket.setNoDelay(true);
      let pending: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      const send = () => {
        if (performance.now() >= endsAt) {
          socket.end();
          return resolve();
        }
        sentAt = performance.now();
        socket.write(options.request(next++));
      };
      socket.on('connect', send);
      socket.on('data', (chunk: Buffer) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        for (;;) {
          const answer = completeAnswer(pending);
          if (!answer) return;
          latencies.push(performance.now() - sentAt);
          if (answer.status >= 200 && answer.status < 300) totals.ok++;
          else totals.non2xx++;
          pending = pending.subarray(answer.length);
          send();
        }
      });
      socket.on('error', (error) => {
        totals.errors++;
        failures.push(error);
        resolve();
      });
      socket.on('close', () => resolve());
    });

  await Promise.all(Array.from({ length: options.connections }, drive));
  if (totals.ok + totals.non2xx === 0)
    throw new Error(
      `no answer from ${options.url}: ${failures[0]?.message ?? 'connections closed'}`,
    );
  const durationS = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies.length === 0
      ? 0
      : Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
  return { ...totals, durationS, p50Ms: at(0.5), p99Ms: at(0.99) };
}

/** The status and byte length of the first complete answer in `bytes`, or null while incomplete. */
function completeAnswer(bytes: Buffer): { status: number; length: number } | null {
  const headersEnd = bytes.indexOf('\r\n\r\n');
  if (headersEnd < 0) return null;
  const head = bytes.toString('latin1', 0, headersEnd).toLowerCase();
  const match = /\r\ncontent-length:\s*(\d+)/.exec(head);
  if (!match) throw new Error(`an answer without Content-Length: ${head.slice(0, 200)}`);
  const length = headersEnd + 4 + Number(match[1]);
  if (bytes.length < length) return null;
  return { status: Number(head.slice(9, 12)), length };
}

/** A raw HTTP/1.1 request. */
export function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Buffer {
  return Buffer.from(rawRequestText(method, path, headers, body));
}

export function rawRequestText(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): string {
  const lines = [
    `${method} ${path} HTTP/1.1`,
    'host: 127.0.0.1',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  if (body !== undefined) lines.push(`content-length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`;
}

/**
 * `count` requests built ahead of the run, in one buffer (a few hundred thousand separate
 * buffers would keep the client's garbage collector busy while it measures). The run fails
 * loudly rather than reuse a request.
 */
export function prebuilt(count: number, build: (i: number) => string): (i: number) => Buffer {
  const texts = Array.from({ length: count }, (_, i) => build(i));
  const ends = new Uint32Array(count);
  let total = 0;
  texts.forEach((t, i) => (ends[i] = total += Buffer.byteLength(t)));
  const all = Buffer.allocUnsafe(total);
  texts.forEach((t, i) => all.write(t, i === 0 ? 0 : ends[i - 1]));
  return (i) => {
    if (i >= count)
      throw new Error(`more than the ${count} requests built ahead were sent: raise the count`);
    return all.subarray(i === 0 ? 0 : ends[i - 1], ends[i]);
  };
}
