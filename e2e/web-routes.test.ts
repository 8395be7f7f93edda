import Fastify from 'fastify';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { registerCompression } from '../src/server/http/compression.ts';
import { serveWebApp, WEB_ROOT } from '../src/server/routes/web.routes.ts';

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

  /** A build with compressed copies as the build writes them, except where left out. */
  const compressedBuild = async () => {
    const root = mkdtempSync(join(tmpdir(), 'parley-web-'));
    dirs.push(root);
    mkdirSync(join(root, 'assets'));
    const files: Record<string, string> = {
      'index.html': '<!doctype html><div id="root"></div>',
      'assets/index-abc123.js': 'console.log("both copies");'.repeat(50),
      'assets/gzip-only-abc123.js': 'console.log("gzip copy only");'.repeat(50),
      'assets/plain-abc123.css': 'body { margin: 0 }\n'.repeat(50),
    };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(root, name), text);
      if (!name.includes('plain')) writeFileSync(join(root, `${name}.gz`), gzipSync(text));
      if (!name.includes('plain') && !name.includes('gzip-only'))
        writeFileSync(join(root, `${name}.br`), brotliCompressSync(text));
    }
    // As in the app: compression of everything else first, then the web app's files.
    const app = Fastify();
    await registerCompression(app);
    serveWebApp(app, `${root}/`);
    await app.ready();
    return { app, files, root };
  };
  const fetchAs = (
    app: Awaited<ReturnType<typeof compressedBuild>>['app'],
    url: string,
    accept?: string,
  ) => app.inject({ url, headers: accept ? { 'accept-encoding': accept } : {} });
  const decoded = (encoding: unknown, body: Buffer) =>
    (encoding === 'br'
      ? brotliDecompressSync(body)
      : encoding === 'gzip'
        ? gunzipSync(body)
        : body
    ).toString();

  it("sends the build's brotli or gzip copy by Accept-Encoding, and the plain file without one", async () => {
    const { app, files } = await compressedBuild();
    for (const [url, file] of [
      ['/app/assets/index-abc123.js', 'assets/index-abc123.js'],
      ['/app/sessions/abc/vote', 'index.html'],
    ]) {
      for (const [accept, encoding] of [
        ['gzip, deflate, br', 'br'],
        ['gzip', 'gzip'],
        [undefined, undefined],
        ['identity', undefined],
      ]) {
        const res = await fetchAs(app, url, accept);
        expect(res.statusCode, `${url} ${accept}`).toBe(200);
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(res.headers.vary).toContain('accept-encoding');
        expect(res.headers['content-type']).toMatch(/javascript|html/);
        expect(decoded(encoding, res.rawPayload)).toBe(files[file]);
      }
    }
  });

  it('serves the service worker itself, always revalidated, and index.html where there is none', async () => {
    const { app, root } = await compressedBuild();
    expect((await fetchAs(app, '/app/sw.js')).body).toContain('<div id="root">');
    writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    const worker = await fetchAs(app, '/app/sw.js');
    expect(worker.statusCode).toBe(200);
    expect(worker.headers['content-type']).toContain('javascript');
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect(worker.body).toContain('addEventListener');
  });

  it('falls back to the next copy, then the plain file, when a compressed copy is missing', async () => {
    const { app, files } = await compressedBuild();
    const gzipOnly = await fetchAs(app, '/app/assets/gzip-only-abc123.js', 'br, gzip');
    expect(gzipOnly.statusCode).toBe(200);
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
    expect(decoded('gzip', gzipOnly.rawPayload)).toBe(files['assets/gzip-only-abc123.js']);
    // No copy at all: the plain file (compressed on the way by the server, like any answer).
    const css = files['assets/plain-abc123.css'];
    for (const accept of ['br, gzip', undefined]) {
      const res = await fetchAs(app, '/app/assets/plain-abc123.css', accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/css');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(decoded(res.headers['content-encoding'], res.rawPayload)).toBe(css);
      if (!accept) expect(res.headers['content-encoding']).toBeUndefined();
    }
  });

  it('finds a brotli and a gzip copy of every text file in the real build', () => {
    const all = readdirSync(WEB_ROOT, { recursive: true, encoding: 'utf8' });
    const text = all.filter((f) => /\.(js|css|html)$/.test(f));
    expect(text.length).toBeGreaterThan(3);
    for (const file of text) {
      expect(all).toContain(`${file}.br`);
      expect(all).toContain(`${file}.gz`);
      const original = readFileSync(join(WEB_ROOT, file));
      const br = brotliDecompressSync(readFileSync(join(WEB_ROOT, `${file}.br`)));
      const gz = gunzipSync(readFileSync(join(WEB_ROOT, `${file}.gz`)));
      expect(br.equals(original) && gz.equals(original), file).toBe(true);
    }
  });

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
