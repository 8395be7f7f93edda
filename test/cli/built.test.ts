import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedInput, inputRecord } from '../../scripts/build-state.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';
import { BUILT_BIN, startParley } from './process.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The live hub's worker as built: one request, its reply. */
function askBuiltWorker(databaseUrl: string, sessionId: string): Promise<unknown> {
  const worker = new Worker(join(ROOT, 'dist/server/recompute.worker.js'), {
    workerData: { databaseUrl },
  });
  return new Promise<unknown>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage({ id: 1, sessionId });
  }).finally(() => worker.terminate());
}

describe('the server build (dist/server: plain JavaScript, no tsx)', () => {
  beforeAll(() => {
    // What `npm start` does first; npm test has just built the web app.
    const run = spawnSync(process.execPath, ['scripts/build.js', 'server', 'web', '--if-stale'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
  });

  for (const dialect of testDialects()) {
    describe(`[${dialect}]`, () => {
      let database: TestDatabase;
      beforeAll(async () => {
        database = await createTestDatabase(dialect);
      });
      afterAll(() => database?.drop());

      it('bin/parley.js serve starts, serves the home page and the web app, and is ready', async () => {
        const server = await startParley(
          { DATABASE_URL: database.url, PARLEY_DEMO: 'off' },
          60_000,
          BUILT_BIN,
        );
        try {
          expect((await fetch(server.url)).status).toBe(200);
          const app = await fetch(`${server.url}app/`);
          expect(app.status).toBe(200);
          expect(await app.text()).toContain('<div id="root">');
          // Ready: the database takes a write and the analysis worker, run from dist/server, answers.
          expect(await (await fetch(`${server.url}api/v1/ready`)).json()).toMatchObject({
            status: 'ready',
            checks: { database: true, worker: true },
          });
        } finally {
          expect(await server.stop()).toBe(0);
        }
      });

      it('its analysis worker starts from dist/server and reads the database', async () => {
        expect(await askBuiltWorker(database.url, 'no-such-session')).toEqual({
          id: 1,
          result: { outcome: 'no-session' },
        });
      });
    });
  }
});

describe('whether a build is stale (scripts/build-state.js)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-build-state-'));
  const file = join(dir, 'a.ts');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is fresh while its inputs hold the same bytes, even touched; stale once one changes or goes', () => {
    writeFileSync(file, 'export const a = 1;\n');
    const { inputs } = inputRecord([file], dir);
    expect(changedInput(inputs, dir)).toBeNull();
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(changedInput(inputs, dir)).toBeNull();
    writeFileSync(file, 'export const a = 2;\n');
    expect(changedInput(inputs, dir)).toBe('a.ts changed');
    rmSync(file);
    expect(changedInput(inputs, dir)).toBe('a.ts was removed');
  });
});
