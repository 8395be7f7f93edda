import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../src/demo/load.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';
import { startParley, tempDir, type ServeProcess } from './process.ts';

async function login(url: string, email: string, password: string) {
  return fetch(`${url}api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

describe('parley serve (a real process)', () => {
  const dir = tempDir();
  const file = join(dir, 'parley.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts on an empty SQLite file, loads the demo, prints the logins and answers / and /api/v1/health', async () => {
    const server = await startParley({ DATABASE_URL: `sqlite:${file}` });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(server.output()).toContain(`sqlite ${file}`);
      expect(server.output()).toContain('The demo dialogue was loaded');
      expect(server.output()).toContain(DEMO_PASSWORD);
      for (const l of DEMO_LOGINS) expect(server.output()).toContain(l.email);

      const home = await fetch(server.url);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toContain('text/html');
      const text = await home.text();
      expect(text).toContain('US-Pakistan Bilateral (Track-II/I.5) Dialogue');
      expect(text).toContain('5–6 April 2026');

      const health = await fetch(`${server.url}api/v1/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: { dialect: 'sqlite' } });
      const ready = await fetch(`${server.url}api/v1/ready`);
      expect(await ready.json()).toMatchObject({ checks: { database: true, disk: true } });

      const signedIn = await login(server.url, DEMO_LOGINS[1].email, DEMO_PASSWORD);
      expect(signedIn.status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(existsSync(file)).toBe(true);
  });

  it('on a second start keeps the data, does not load the demo again and still prints the logins', async () => {
    const server = await startParley({ DATABASE_URL: `sqlite:${file}` });
    try {
      expect(server.output()).toContain('The demo dialogue is in this database');
      expect(server.output()).not.toContain('was loaded');
      const series = await (await fetch(`${server.url}api/v1/series`)).json();
      expect(series.total).toBe(1);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('with PARLEY_DEMO=off starts an empty database without the demo and prints no logins', async () => {
    const server = await startParley({
      DATABASE_URL: `sqlite:${join(dir, 'production.sqlite')}`,
      PARLEY_DEMO: 'off',
    });
    try {
      expect(server.output()).not.toContain(DEMO_PASSWORD);
      const text = await (await fetch(server.url)).text();
      expect(text).toContain('No dialogue series yet');
      expect(
        await login(server.url, DEMO_LOGINS[0].email, DEMO_PASSWORD).then((r) => r.status),
      ).toBe(401);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('refuses to start with an invalid configuration and says which variable is wrong', async () => {
    const { runParley } = await import('./process.ts');
    const run = await runParley(['serve'], {
      DATABASE_URL: `sqlite:${join(dir, 'x.sqlite')}`,
      PORT: 'eighty',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('PORT');
  });
});

for (const dialect of testDialects().filter((d) => d === 'postgres')) {
  describe(`[${dialect}] parley serve`, () => {
    let database: TestDatabase;
    let server: ServeProcess | undefined;
    afterAll(async () => {
      await server?.stop();
      await database?.drop();
    });

    it('starts on an empty PostgreSQL database with the demo', async () => {
      database = await createTestDatabase(dialect);
      server = await startParley({ DATABASE_URL: database.url });
      expect(server.output()).toContain('Database: postgres');
      const password = decodeURIComponent(new URL(database.url).password);
      if (password) expect(server.output()).not.toContain(`:${password}@`); // the password never reaches the terminal
      expect((await fetch(server.url)).status).toBe(200);
      expect(await (await fetch(`${server.url}api/v1/health`)).json()).toMatchObject({
        database: { dialect: 'postgres' },
      });
      expect(await (await fetch(`${server.url}api/v1/ready`)).json()).toMatchObject({
        checks: { database: true },
      });
      expect(await server.stop()).toBe(0);
      server = undefined;
    });

    it('two servers starting together on one empty database load the demo once and both serve', async () => {
      const shared = await createTestDatabase(dialect);
      try {
        const [a, b] = await Promise.all([
          startParley({ DATABASE_URL: shared.url }),
          startParley({ DATABASE_URL: shared.url }),
        ]);
        try {
          expect(
            [a.output(), b.output()].filter((o) => o.includes('was loaded')).length,
          ).toBeGreaterThanOrEqual(1);
          for (const s of [a, b]) {
            expect(s.output()).toContain('Demo logins');
            expect((await (await fetch(`${s.url}api/v1/series`)).json()).total).toBe(1);
          }
        } finally {
          expect([await a.stop(), await b.stop()]).toEqual([0, 0]);
        }
      } finally {
        await shared.drop();
      }
    });
  });
}
