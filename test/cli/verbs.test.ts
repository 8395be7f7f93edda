import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/verb.ts';
import { runParley, tempDir } from './process.ts';

/** Runs the CLI in this process with captured output (fast; the real process is tested below). */
async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const io: CliIO = { stdout, stderr, env: { LOG_LEVEL: 'silent', ...env } };
  const code = await main(argv, io);
  return { code, stdout: out, stderr: err };
}

const MY_VERBS = [['serve'], ['db', 'migrate'], ['demo'], ['export'], ['import'], ['backup']];

describe('parley verbs: help and usage', () => {
  for (const verb of MY_VERBS) {
    it(`'parley ${verb.join(' ')} --help' exits 0 and prints its usage`, async () => {
      const run = await cli([...verb, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: parley ${verb.join(' ')}`);
      expect(run.stdout).toMatch(/-h, --help/);
    });
  }

  it('lists every verb in parley --help', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const verb of MY_VERBS) expect(run.stdout).toContain(verb.join(' '));
  });

  it('answers an unknown option with exit 2 and the option named', async () => {
    const run = await cli(['export', '--serie', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--serie');
  });

  it('answers a missing required option with exit 2', async () => {
    expect((await cli(['export'])).stderr).toContain('--series');
    expect((await cli(['import'])).code).toBe(2);
  });

  it('exits 2 for an unknown verb, as a real process', async () => {
    const run = await runParley(['frobnicate'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown verb 'frobnicate'");
    expect(run.stderr).toContain('Usage: parley');
  });

  it('exits 0 for --help as a real process', async () => {
    const run = await runParley(['backup', '--help'], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('pg_dump');
  });
});

describe('parley db migrate and parley demo', () => {
  const dir = tempDir();
  const env = { DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}` };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies the migrations once, then says the database is up to date', async () => {
    const first = await cli(['db', 'migrate'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('0001_foundation');
    const second = await cli(['db', 'migrate'], env);
    expect(second.stdout).toContain('up to date');
  });

  it('loads the demo, then refuses to load it twice', async () => {
    const first = await cli(['demo'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('admin@demo.parley.invalid');
    const second = await cli(['demo'], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("'us-pakistan-bilateral-dialogue' already exists");
  });

  it('backup says to use pg_dump for PostgreSQL and exits 2', async () => {
    const run = await cli(['backup', '--out', join(dir, 'x.sqlite')], {
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pg_dump');
  });
});
