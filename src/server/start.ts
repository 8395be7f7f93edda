import type { FastifyInstance } from 'fastify';
import {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  isDatabaseEmpty,
  isDemoPresent,
  loadDemo,
} from '../demo/load.ts';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Db } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Deps } from './deps.ts';
import { smtpMailer } from './mail/mailer.ts';
import { createLiveHub } from './live/hub.ts';
import { shutDownGracefully } from './ops/shutdown.ts';

export interface RunningServer {
  app: FastifyInstance;
  db: Db;
  config: Config;
  /** Where to reach it, e.g. http://127.0.0.1:3000/ (the real port when PORT=0). */
  url: string;
  demo: 'loaded' | 'present' | 'absent';
  /** Stops accepting requests, finishes those in flight, closes the database, within SHUTDOWN_TIMEOUT_SECONDS (ops/shutdown.ts). Idempotent. */
  close(): Promise<void>;
  /** Settles once the server has closed (after close() or a SIGINT/SIGTERM). */
  closed: Promise<void>;
}

export interface StartOptions {
  /** Where the start-up block is printed (the terminal by default). */
  out?: NodeJS.WritableStream;
  /** Close gracefully on SIGINT and SIGTERM (the CLI does; tests that embed the server need not). */
  handleSignals?: boolean;
}

function urlOf(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}/`;
}

function startupBlock(server: Pick<RunningServer, 'url' | 'db' | 'demo' | 'config'>): string {
  const lines = [
    '',
    `Parley is running at ${server.url}`,
    `  Database: ${server.db.dialect} ${server.db.location}`,
    `  Health:   ${server.url}api/v1/health (ready: ${server.url}api/v1/ready)`,
  ];
  if (server.demo !== 'absent') {
    const width = Math.max(...DEMO_LOGINS.map((l) => l.label.length));
    lines.push(
      '',
      server.demo === 'loaded'
        ? '  The demo dialogue was loaded into the empty database.'
        : '  The demo dialogue is in this database.',
      `  Demo logins (one per role; password for all: ${DEMO_PASSWORD}${server.demo === 'present' ? ', unless changed' : ''}):`,
      ...DEMO_LOGINS.map((l) => `    ${l.label.padEnd(width)}  ${l.email}`),
    );
  }
  if (server.config.demo)
    lines.push(
      '',
      '  Production: set PARLEY_DEMO=off so an empty database starts without the demo.',
    );
  return `${lines.join('\n')}\n\n`;
}

/**
 * Starts Parley: configuration, database and migrations, the demo on first start of an
 * empty database (unless PARLEY_DEMO=off), the HTTP server; prints where it runs.
 */
export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
  options: StartOptions = {},
): Promise<RunningServer> {
  const out = options.out ?? process.stdout;
  const config = loadConfig(env);
  const db = openDatabase(config.databaseUrl, { synchronous: config.sqliteSynchronous });
  let app: FastifyInstance | undefined;
  try {
    await migrateToLatest(db.kysely);
    let demo: RunningServer['demo'] = 'absent';
    if (config.demo && (await isDatabaseEmpty(db.kysely))) {
      try {
        await loadDemo(db);
        demo = 'loaded';
      } catch (error) {
        // Another process sharing this (PostgreSQL) database loaded it first: fine, it is there.
        if (!(await isDemoPresent(db.kysely))) throw error;
        demo = 'present';
      }
    } else if (await isDemoPresent(db.kysely)) {
      demo = 'present';
    }

    const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
    const deps: Deps = { db, config, mailer, now: () => new Date() };
    // Live push and the analysis worker; on PostgreSQL it LISTENs for other processes' events.
    const live = await createLiveHub(deps, {
      log: (message, error) => app?.log.error({ err: error }, `live: ${message}`),
    });
    deps.live = live;
    app = await buildApp(deps).catch(async (error: unknown) => {
      await live.close();
      throw error;
    });
    app.addHook('onClose', async () => {
      await live.close();
      mailer?.close();
      await db.close();
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = urlOf(config.host, port);

    let resolveClosed!: () => void;
    const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
    let closing: Promise<void> | undefined;
    const running = app;
    const close = () =>
      (closing ??= (async () => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await shutDownGracefully(running, db, config.shutdownTimeoutMs);
        resolveClosed();
      })());
    const onSignal = (signal: NodeJS.Signals) => {
      running.log.info({ signal }, 'shutting down');
      void close();
    };
    if (options.handleSignals) {
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    }

    const server: RunningServer = { app, db, config, url, demo, close, closed };
    out.write(startupBlock(server));
    return server;
  } catch (error) {
    if (app) await app.close();
    else await db.close();
    throw error;
  }
}
