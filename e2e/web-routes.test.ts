import Fastify from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveWebApp } from '../src/server/routes/web.routes.ts';

// No database and no browser: how /app/ is served, built or not.
describe('web app serving', () => {
  const dirs: string[] = [];
  const appOn = async (build: boolean) => {
    const root = mkdtempSync(join(tmpdir(), 'parley-web-'));
    dirs.push(root);
    if (build) {
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
      writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    }
    const app = Fastify();
    serveWebApp(app, `${root}/`);
    await app.ready();
    return app;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('answers 503 with the command to run when the app is not built', async () => {
    const app = await appOn(false);
    const res = await app.inject('/app/rounds/x');
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('npm run build:web');
  });

  it('serves hashed assets for a year, and index.html (never cached) for every app path', async () => {
    const app = await appOn(true);
    const asset = await app.inject('/app/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const path of ['/app/', '/app/login', '/app/sessions/abc/vote']) {
      const page = await app.inject(path);
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('<div id="root">');
    }
  });

  it('never serves a file outside the build, and 404s unknown assets', async () => {
    const app = await appOn(true);
    expect((await app.inject('/app/assets/../../etc/passwd')).statusCode).not.toBe(200);
    expect((await app.inject('/app/assets/%2e%2e%2fpackage.json')).statusCode).toBe(404);
    expect((await app.inject('/app/assets/missing.js')).statusCode).toBe(404);
  });
});
