import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS_TIMEOUT_MS } from '../../src/server/ops/connections.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

/**
 * Slow and greedy clients are bounded (no database involved): a request head sent a byte at a
 * time is cut off after HEADERS_TIMEOUT_MS with 408, and one address holds at most
 * MAX_CONNECTIONS_PER_ADDRESS connections (one more is answered 429 and closed).
 */
const CAP = 3;

interface Raw {
  socket: Socket;
  received: () => string;
  closed: Promise<void>;
}

function open(port: number): Promise<Raw> {
  return new Promise((resolve, reject) => {
    let data = '';
    const socket = connect(port, '127.0.0.1', () =>
      resolve({ socket, received: () => data, closed }),
    );
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.once('error', reject);
  });
}

describe('slow and greedy clients', () => {
  let t: TestApp;
  let port: number;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await createTestApp('sqlite', {
      env: { MAX_CONNECTIONS_PER_ADDRESS: String(CAP) },
      live: false,
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await t?.close();
  });

  it('cuts off a request head that trickles in, with 408', async () => {
    const raw = await open(port);
    sockets.push(raw.socket);
    raw.socket.write('GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const trickle = setInterval(() => raw.socket.write('X-Slow: 1\r\n'), 1000);
    const cutOff = await Promise.race([
      raw.closed.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), HEADERS_TIMEOUT_MS * 2)),
    ]);
    clearInterval(trickle);
    expect(cutOff).toBe(true);
    expect(raw.received()).toMatch(/^HTTP\/1\.1 408/);
  }, 60_000);

  it('holds at most MAX_CONNECTIONS_PER_ADDRESS connections from one address', async () => {
    const held = await Promise.all(Array.from({ length: CAP }, () => open(port)));
    sockets.push(...held.map((h) => h.socket));
    const refused = await open(port);
    sockets.push(refused.socket);
    await refused.closed;
    expect(refused.received()).toMatch(/^HTTP\/1\.1 429 Too Many Requests\r\nRetry-After: \d+/);
    // One of them closes: a new connection is taken again.
    held[0].socket.destroy();
    await held[0].closed;
    const next = await open(port);
    sockets.push(next.socket);
    next.socket.write(
      'GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
    );
    await next.closed;
    expect(next.received()).toMatch(/^HTTP\/1\.1 200/);
  });
});
