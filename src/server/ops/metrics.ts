import { timingSafeEqual } from 'node:crypto';
import { statSync } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Deps } from '../deps.ts';
import { HttpError } from '../http/errors.ts';

const VOTE_ROUTE = '/api/v1/sessions/:id/votes';
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Operators' figures in Prometheus text format (prom-client), at GET /metrics. Totals only: no
 * label names a session, a person or an account, so the figures say how much, never who.
 * - parley_votes_total{result}: votes answered (accepted 2xx, refused 4xx, unavailable 503);
 * - parley_http_request_duration_seconds{method,route,status}: latencies by route template;
 * - parley_live_streams: open live streams; parley_database_unavailable_total and
 *   parley_database_incidents_total; parley_recomputations_total{result}; parley_sqlite_wal_bytes;
 * - Node's own (process_*, nodejs_*): memory, open file descriptors, event loop lag.
 */
export function registerMetrics(app: FastifyInstance, deps: Deps) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const votes = new Counter({
    name: 'parley_votes_total',
    help: 'Votes answered, by result: accepted (2xx), refused (4xx), unavailable (503)',
    labelNames: ['result'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'parley_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route template and status class',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'parley_live_streams',
    help: 'Live streams (server-sent events) open in this process',
    registers: [registry],
    collect() {
      this.set(app.liveStreams.size);
    },
  });
  const { outage } = deps.db;
  new Counter({
    name: 'parley_database_unavailable_total',
    help: 'Requests and jobs that failed because the database was unavailable (answered 503)',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(outage.failuresTotal);
    },
  });
  new Counter({
    name: 'parley_database_incidents_total',
    help: 'Incidents of the database being unavailable (each logged once)',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(outage.incidentsTotal);
    },
  });
  new Counter({
    name: 'parley_recomputations_total',
    help: 'Recomputations of a session analysis, by result',
    labelNames: ['result'],
    registers: [registry],
    collect() {
      const runs = deps.live?.recomputations ?? { runs: 0, failures: 0 };
      this.reset();
      this.inc({ result: 'ok' }, runs.runs - runs.failures);
      this.inc({ result: 'failed' }, runs.failures);
    },
  });
  if (deps.db.dialect === 'sqlite' && deps.db.location !== ':memory:') {
    const walFile = `${deps.db.location}-wal`;
    new Gauge({
      name: 'parley_sqlite_wal_bytes',
      help: "Size of SQLite's write-ahead log file",
      registers: [registry],
      collect() {
        try {
          this.set(statSync(walFile).size);
        } catch {
          this.set(0);
        }
      },
    });
  }

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route === '/metrics') return;
    const status = reply.statusCode;
    latency.observe(
      {
        method: request.method,
        route: route ?? 'unmatched',
        status: `${Math.floor(status / 100)}xx`,
      },
      reply.elapsedTime / 1000,
    );
    if (route === VOTE_ROUTE && request.method === 'POST')
      votes.inc({
        result: status < 300 ? 'accepted' : status === 503 ? 'unavailable' : 'refused',
      });
  });

  app.get('/metrics', async (request, reply) => {
    allowScrape(request, deps.config.metricsToken);
    reply.header('cache-control', 'no-store').type(registry.contentType);
    return registry.metrics();
  });
}

/**
 * With METRICS_TOKEN, a scraper sends `Authorization: Bearer <token>`. Without it, only a direct
 * request from this machine: a loopback peer that no proxy forwarded (a reverse proxy on the same
 * machine would otherwise publish the figures).
 */
function allowScrape(request: FastifyRequest, token: string | undefined) {
  if (token) {
    const given = Buffer.from(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '');
    const expected = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new HttpError(401, 'Unauthorized', 'Send Authorization: Bearer <METRICS_TOKEN>.');
    return;
  }
  const forwarded = request.headers['x-forwarded-for'] ?? request.headers.forwarded;
  if (!LOOPBACK.test(request.socket.remoteAddress ?? '') || forwarded !== undefined)
    throw new HttpError(
      403,
      'Forbidden',
      'Metrics are served to the loopback address only; set METRICS_TOKEN to scrape them from elsewhere.',
    );
}
