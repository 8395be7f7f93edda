import { z } from 'zod';

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
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  demo: boolean;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionTtlHours: number;
  logLevel: string;
  /** Cookies get the Secure flag when Parley is served over HTTPS. */
  secureCookies: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    demo: e.PARLEY_DEMO === 'on',
    publicUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    logLevel: e.LOG_LEVEL,
    secureCookies: publicUrl.startsWith('https://'),
  };
}
