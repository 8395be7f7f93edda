import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCompression } from '../src/server/http/compression.ts';
import { registerSecurityHeaders } from '../src/server/http/security-headers.ts';
import { serveWebApp } from '../src/server/routes/web.routes.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';

/** The web app built into `dir`, named `id` (as a release pipeline would set PARLEY_BUILD_ID). */
function buildInto(dir: string, id: string): string {
  execFileSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'src/web/vite.config.ts',
      '--outDir',
      dir,
      '--emptyOutDir',
    ],
    { env: { ...process.env, PARLEY_BUILD_ID: id }, stdio: 'ignore' },
  );
  return /<meta name="parley-build" content="([^"]+)"/.exec(
    readFileSync(join(dir, 'index.html'), 'utf8'),
  )![1];
}

const buildOf = (page: Page) => page.locator('meta[name="parley-build"]').getAttribute('content');

// No database: the shell alone, served as the app serves it, from a folder a new build replaces.
describe('a new version after an upgrade, with the old service worker installed', () => {
  const dirs: string[] = [];
  const live = mkdtempSync(join(tmpdir(), 'parley-live-'));
  let one = '';
  let two = '';
  let twoDir = '';
  let server: FastifyInstance;
  let chrome: TestBrowser;
  let phone: { context: BrowserContext; page: Page };
  let url = '';

  beforeAll(async () => {
    const oneDir = mkdtempSync(join(tmpdir(), 'parley-build-'));
    twoDir = mkdtempSync(join(tmpdir(), 'parley-build-'));
    dirs.push(live, oneDir, twoDir);
    one = buildInto(oneDir, 'one');
    two = buildInto(twoDir, 'two');
    cpSync(oneDir, live, { recursive: true });
    server = Fastify();
    registerSecurityHeaders(server);
    await registerCompression(server);
    serveWebApp(server, `${live}/`);
    await server.listen({ host: '127.0.0.1', port: 0 });
    const address = server.server.address() as { port: number };
    url = `http://127.0.0.1:${address.port}/app/login`;
    chrome = await launchBrowser();
    phone = await chrome.newPage(360);
  }, 240_000);
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('uses the new build at the first visit after it, then offline too, never the old one', async () => {
    expect(one).not.toBe(two);
    const { page, context } = phone;
    await page.goto(url);
    expect(await buildOf(page)).toBe(one);
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), {
        timeout: 20_000,
      })
      .toBe(true);

    // The upgrade: the server now has the second build only.
    rmSync(live, { recursive: true, force: true });
    cpSync(twoDir, live, { recursive: true });

    const response = await page.goto(url);
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await buildOf(page)).toBe(two);
    // The new worker installs, takes over and drops the old shell...
    await expect
      .poll(
        () =>
          page.evaluate(async () =>
            (await caches.keys()).filter((n) => n.startsWith('parley-shell-')),
          ),
        {
          timeout: 30_000,
        },
      )
      .toEqual([`parley-shell-${two}`]);
    // ...so a dead network gets the new shell as well.
    await context.setOffline(true);
    await page.reload();
    expect(await buildOf(page)).toBe(two);
    await context.setOffline(false);
  });
});
