import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Dialect } from '../../src/server/db/connect.ts';
import type { Deps } from '../../src/server/deps.ts';
import type { Mailer } from '../../src/server/mail/mailer.ts';
import { createUser } from '../../src/server/services/accounts.service.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { createLiveHub, type LiveHubOptions } from '../../src/server/live/hub.ts';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  database: TestDatabase;
  close(): Promise<void>;
}

/** A real app on a fresh database of the dialect, silent, with an optional mailer and clock. */
export async function createTestApp(
  dialect: Dialect,
  options: {
    mailer?: Mailer;
    now?: () => Date;
    env?: NodeJS.ProcessEnv;
    live?: false | LiveHubOptions;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const deps: Deps = {
    db: database.db,
    // DATABASE_URL as in production: on PostgreSQL the app LISTENs for other processes' grant changes.
    config: loadConfig({
      PARLEY_DEMO: 'off',
      LOG_LEVEL: 'silent',
      // The moderation queue at once; the batching of sealed queues has its own test.
      PARLEY_QUEUE_BATCH_SECONDS: '0',
      DATABASE_URL: database.url,
      ...options.env,
    }),
    mailer: options.mailer ?? null,
    now: options.now ?? (() => new Date()),
  };
  // The live hub (push and debounced analysis) unless a test opts out with live: false.
  if (options.live !== false)
    deps.live = await createLiveHub(deps, {
      listenUrl: database.url,
      warmWorker: false,
      ...options.live,
    });
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  return {
    app,
    deps,
    database,
    close: async () => {
      await app.close();
      await deps.live?.close();
      await database.drop();
    },
  };
}

/** A signed-in client: its cookie and CSRF token are sent with every request. */
export interface Client {
  userId: string | null;
  request(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export const publicClient = (t: TestApp): Client => ({
  userId: null,
  request: (method, url, body) =>
    t.app.inject({
      method: method as 'GET',
      url,
      ...(body !== undefined ? { payload: body as object } : {}),
    }),
});

let counter = 0;
/** Creates an account (through the service, as the CLI does) and signs it in over HTTP. */
export async function signIn(
  t: TestApp,
  options: { isAdmin?: boolean; personId?: string; email?: string } = {},
): Promise<Client> {
  const email = options.email ?? `user${++counter}-${Date.now()}@example.org`;
  const password = 'correct horse battery';
  const user = await createUser(t.deps, null, {
    email,
    displayName: email.split('@')[0],
    password,
    isAdmin: options.isAdmin ?? false,
    personId: options.personId ?? null,
  });
  return loginAs(t, email, password, user.id);
}

export async function loginAs(
  t: TestApp,
  email: string,
  password: string,
  userId: string | null = null,
): Promise<Client> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'parley_session')!;
  const csrf = res.json().csrfToken as string;
  return {
    userId: userId ?? res.json().user.id,
    request: (method, url, body) =>
      t.app.inject({
        method: method as 'GET',
        url,
        cookies: { parley_session: cookie.value },
        headers: { 'x-csrf-token': csrf },
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
  };
}
