import { BlockList, isIPv6 } from 'node:net';
import type { Server } from 'node:http';

/** The whole request head (line and headers) must arrive within this long: a client sending a byte every few seconds is cut off. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** The whole request, body included (at most 1 MB), must arrive within this long. Event streams are not bound by it: their request is over once its head has arrived. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** How often Node looks for connections past those timeouts. */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;
/** What a refused connection is told to wait. */
const REFUSED_RETRY_AFTER_SECONDS = 10;

/** The Node http server options that bound slow clients (Fastify passes them on). */
export const httpServerTimeouts = {
  headersTimeout: HEADERS_TIMEOUT_MS,
  requestTimeout: REQUEST_TIMEOUT_MS,
  connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
};

const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * Which peers are exempt from the per-address cap: the reverse proxies TRUST_PROXY names (all of
 * a proxy's clients arrive from its address; it limits them itself). `true` trusts everyone, so
 * nobody is capped; a hop count or `false` trusts no peer address.
 */
export function trustedPeers(trustProxy: boolean | number | string): (address: string) => boolean {
  if (trustProxy === true) return () => true;
  if (typeof trustProxy !== 'string') return () => false;
  const list = new BlockList();
  for (const entry of trustProxy.split(',').map((e) => e.trim())) {
    for (const range of NAMED_RANGES[entry] ?? [entry]) {
      const [address, bits] = range.split('/');
      const type = isIPv6(address) ? 'ipv6' : 'ipv4';
      if (bits === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(bits), type);
    }
  }
  return (address) => {
    const plain = address.replace(/^::ffff:(?=\d+\.)/, '');
    return list.check(plain, isIPv6(plain) ? 'ipv6' : 'ipv4');
  };
}

/**
 * At most `max` open connections from one peer address (0: no cap). One more is answered 429
 * with Retry-After and closed before anything of its request is read; connections from exempt
 * peers (trusted proxies) are not counted.
 */
export function capConnectionsPerAddress(
  server: Server,
  max: number,
  exempt: (address: string) => boolean,
): void {
  if (max <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    if (exempt(address)) return;
    const count = open.get(address) ?? 0;
    if (count >= max) {
      socket.end(
        `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${REFUSED_RETRY_AFTER_SECONDS}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        () => socket.destroy(),
      );
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
