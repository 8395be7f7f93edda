import type { LiveHubOptions } from '../../src/server/live/hub.ts';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import type { Mailer } from '../../src/server/mail/mailer.ts';
import { WEB_ROOT } from '../../src/server/routes/web.routes.ts';
import { createTestApp, type TestApp } from '../../test/support/app.ts';

/**
 * The real Parley server on 127.0.0.1 (a free port) with a fresh SQLite database, serving the
 * built web app. Browser tests run on SQLite only: the server's logic is already tested on
 * both SQLite and PostgreSQL by the API tests, and the browser adds nothing database-specific.
 */
export interface RunningApp extends TestApp {
  baseUrl: string;
}

/** A port nobody listens on now (the OS's pick, released at once). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The server knows its own address (PUBLIC_URL), so the links it issues are the ones to open. */
export async function startApp(
  options: { mailer?: Mailer; live?: LiveHubOptions } = {},
): Promise<RunningApp> {
  if (!existsSync(`${WEB_ROOT}index.html`))
    throw new Error('The web app is not built: run `npm run build:web` first (npm test does).');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await createTestApp('sqlite', { ...options, env: { PUBLIC_URL: baseUrl } });
  await t.app.listen({ host: '127.0.0.1', port });
  return { ...t, baseUrl };
}
