/**
 * The server process of `npm run bench:votes`: the production app (with its live hub, so every
 * vote schedules a recomputation as in production) plus one extra route, GET /bench/noop, that
 * exists only here: HTTP and Fastify with no database, the ceiling of this machine.
 * Prints `bench server listening at <url>` once it listens; stops on SIGTERM.
 */
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import type { Deps } from '../../src/server/deps.ts';
import { createLiveHub } from '../../src/server/live/hub.ts';

const config = loadConfig({
  ...process.env,
  PARLEY_DEMO: 'off',
  LOG_LEVEL: 'silent',
  HOST: '127.0.0.1',
  PORT: '0',
});
const db = openDatabase(config.databaseUrl, { synchronous: config.sqliteSynchronous });
await migrateToLatest(db.kysely);
const deps: Deps = { db, config, mailer: null, now: () => new Date() };
if (process.env.BENCH_LIVE !== 'off')
  deps.live = await createLiveHub(deps, {
    log: (message, error) => console.error(`[live] ${message}`, error ?? ''),
  });
const app = await buildApp(deps, { logger: false });
app.get('/bench/noop', async () => ({ ok: true }));
// The same request shape as a vote (cookie, CSRF header, JSON body), answered without the database.
app.post('/bench/noop', async () => ({ ok: true }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(
  `bench server listening at http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
);

process.once('SIGTERM', async () => {
  await app.close();
  await deps.live?.close();
  await db.close();
  process.exit(0);
});
