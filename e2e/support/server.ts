import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
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

export async function startApp(): Promise<RunningApp> {
  if (!existsSync(`${WEB_ROOT}index.html`))
    throw new Error('The web app is not built: run `npm run build:web` first (npm test does).');
  const t = await createTestApp('sqlite');
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  return { ...t, baseUrl: `http://127.0.0.1:${port}` };
}
