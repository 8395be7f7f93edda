import { z } from 'zod';

const PROXY_ADDRESS = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;

/** Everything Parley reads from the environment, validated once at start. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** postgres://… for PostgreSQL; otherwise an SQLite file (default ./data/parley.sqlite). */
  DATABASE_URL: z.string().optional(),
  /** 'off' starts without loading the demo dialogue into an empty database (production). */
  PARLEY_DEMO: z.enum(['on', 'off']).default('on'),
  /** The address people reach Parley at; used in invitation links and feeds. */
  PUBLIC_URL: z.string().url().optional(),
  /** smtp://user:pass@host:port or smtps://… ; when unset, invitations are only shown as links. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Parley <parley@localhost>'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  /** Open live streams (server-sent events) one user may hold at once, in one server process. */
  LIVE_STREAMS_PER_USER: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Open live streams from one client address, in one server process (a hotel's delegates share one NAT address). */
  LIVE_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(200),
  /** A live stream ends after this long (slightly less, jittered) and the browser reconnects. */
  LIVE_STREAM_LIFETIME_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /**
   * Under the Chatham House rules, submitted statements reach moderators in batches of this many
   * seconds (0: at once), so a moderator cannot line a statement up with who was seen typing.
   */
  PARLEY_QUEUE_BATCH_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** SQLite's durability: FULL syncs every commit (a 2xx survives a power cut), NORMAL only at checkpoints. */
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /** GET /api/v1/ready fails when the SQLite database's file system has less free space than this. */
  READY_MIN_FREE_MB: z.coerce.number().int().min(0).max(1_000_000_000).default(64),
  /** Open connections from one client address (0: no cap); a trusted proxy's are not counted. */
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).max(1_000_000).default(1000),
  /** A graceful shutdown (SIGTERM) is over within this long: requests still in flight are cut. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(600).default(10),
  /** A bearer token that GET /metrics requires; unset, it answers direct loopback requests only. */
  METRICS_TOKEN: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (rate limits, comment
   * limits, logs): unset or 'false' believes none; a number of hops; or proxy addresses and CIDRs
   * ('loopback', '10.0.0.0/8', …, comma-separated); 'true' believes anyone, which lets a client
   * pick its own address and escape per-address limits.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine(
      (v) =>
        /^(true|false|\d+)$/.test(v) ||
        v.split(',').every((part) => PROXY_ADDRESS.test(part.trim())),
      {
        message:
          "must be 'false', 'true', a number of hops, or comma-separated proxy addresses (IP, CIDR, loopback, linklocal, uniquelocal)",
      },
    ),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** Free space below which the server says it is not ready (SQLite). */
  readyMinFreeBytes: number;
  maxConnectionsPerAddress: number;
  shutdownTimeoutMs: number;
  metricsToken: string | undefined;
  demo: boolean;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionTtlHours: number;
  logLevel: string;
  /** Cookies get the Secure flag when Parley is served over HTTPS. */
  secureCookies: boolean;
  /** Fastify's trustProxy: false, true, a hop count, or proxy addresses. */
  trustProxy: boolean | number | string;
  liveStreams: { perUser: number; perAddress: number; lifetimeMs: number };
  /** Moderation queue batches of sealed sessions, in ms (0: none). */
  queueBatchMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (
    e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`
  ).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    readyMinFreeBytes: e.READY_MIN_FREE_MB * 1024 * 1024,
    maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    metricsToken: e.METRICS_TOKEN,
    demo: e.PARLEY_DEMO === 'on',
    publicUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    logLevel: e.LOG_LEVEL,
    secureCookies: publicUrl.startsWith('https://'),
    trustProxy:
      e.TRUST_PROXY === 'true'
        ? true
        : e.TRUST_PROXY === 'false'
          ? false
          : /^\d+$/.test(e.TRUST_PROXY)
            ? Number(e.TRUST_PROXY)
            : e.TRUST_PROXY,
    liveStreams: {
      perUser: e.LIVE_STREAMS_PER_USER,
      perAddress: e.LIVE_STREAMS_PER_ADDRESS,
      lifetimeMs: e.LIVE_STREAM_LIFETIME_SECONDS * 1000,
    },
    queueBatchMs: e.PARLEY_QUEUE_BATCH_SECONDS * 1000,
  };
}
