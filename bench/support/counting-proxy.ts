import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';

/** Bytes that crossed the proxy since the last reset, in each direction. */
export interface ByteCounts {
  down: number;
  up: number;
}

export interface CountingProxy {
  /** http://127.0.0.1:PORT, to give the browser instead of the server's own address. */
  url: string;
  counts(): ByteCounts;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay on 127.0.0.1 in front of the server that counts every byte on the wire (headers,
 * bodies, the service worker's own fetches, event streams): what a participant's phone would
 * pay for, whoever in the browser asked for it.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const { hostname, port } = new URL(target);
  let down = 0;
  let up = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: hostname, port: Number(port) });
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => (up += chunk.length));
    upstream.on('data', (chunk: Buffer) => (down += chunk.length));
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    counts: () => ({ down, up }),
    reset: () => {
      down = 0;
      up = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
