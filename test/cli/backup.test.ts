import { rmSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/load.ts';
import { runParley, startParley, tempDir } from './process.ts';

/** Signs in over HTTP and returns a function that sends authenticated JSON writes. */
async function adminWriter(url: string) {
  const res = await fetch(`${url}api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.parley.invalid', password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
}

describe('parley backup while parley serve is writing', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('produces a whole, consistent database that opens and holds the rows', async () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'live.sqlite')}` };
    const server = await startParley(env);
    let writing = true;
    let written = 0;
    try {
      const post = await adminWriter(server.url);
      const writer = (async () => {
        while (writing) {
          const res = await post('api/v1/organisations', {
            name: `Organisation written during the backup ${written}`,
          });
          expect(res.status).toBe(201);
          written += 1;
        }
      })();
      while (written < 5) await new Promise((r) => setTimeout(r, 20));
      const before = written;
      const backup = await runParley(['backup', '--out', join(dir, 'copy.sqlite')], env);
      const after = written;
      writing = false;
      await writer;

      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toContain('integrity ok');
      expect(after).toBeGreaterThan(before); // the server really was writing meanwhile

      const copy = new SqliteDatabase(join(dir, 'copy.sqlite'), {
        readonly: true,
        fileMustExist: true,
      });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const count = (table: string) =>
          (copy.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
        expect(count('people')).toBe(37);
        expect(count('series')).toBe(1);
        // The 3 demo organisations plus the ones written before the copy finished, never more than were written.
        expect(count('organisations')).toBeGreaterThanOrEqual(3 + before);
        expect(count('organisations')).toBeLessThanOrEqual(3 + written);
      } finally {
        copy.close();
      }
    } finally {
      writing = false;
      expect(await server.stop()).toBe(0);
    }
  });

  it('refuses to overwrite a file unless --force, and names a missing database', async () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'live.sqlite')}` };
    const again = await runParley(['backup', '--out', join(dir, 'copy.sqlite')], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    const missing = await runParley(['backup', '--out', join(dir, 'other.sqlite')], {
      DATABASE_URL: `sqlite:${join(dir, 'nothing-here.sqlite')}`,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no database at');
  });
});
