import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const fixture = join(import.meta.dirname, '../fixtures/polis/brexit-consensus');

async function run(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(argv, { stdout, stderr, env: {} });
  return { code, out, err };
}

describe('parley analyze', () => {
  it('--json prints one document with the documented shape; members are export ids', async () => {
    const { code, out } = await run(['analyze', '--polis', fixture, '--json']);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    const doc = JSON.parse(out);
    expect(doc).toMatchObject({ participants: 204, statements: 50, votes: expect.any(Number) });
    expect(doc.timings_ms).toEqual({ parse: expect.any(Number), analysis: expect.any(Number) });
    expect(doc.groups.length).toBeGreaterThanOrEqual(2);
    expect(doc.groups[0]).toEqual({ id: 0, members: expect.any(Array) });
    expect(
      doc.groups[0].members.every((m: unknown) => typeof m === 'string' && /^\d+$/.test(m)),
    ).toBe(true);
    expect(doc.consensus).toHaveProperty('agree');
    expect(Object.keys(doc.repness).sort()).toEqual(
      doc.groups.map((g: { id: number }) => String(g.id)).sort(),
    );
    expect(doc.polis.k).toBe(2);
  });

  it('prints a readable summary with statement texts', async () => {
    const { code, out, err } = await run(['analyze', '--polis', fixture]);
    expect(code).toBe(0);
    expect(out).toMatch(/Group 0 \(\d+ participants\)/);
    expect(out).toMatch(/Consensus/);
    expect(out).toMatch(/Labour/);
    expect(err).toBe('');
  });

  it('--help works and a missing folder is a clear error', async () => {
    expect((await run(['analyze', '--help'])).out).toMatch(/--polis <folder>/);
    const missing = await run(['analyze', '--polis', join(fixture, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no votes.csv or participants-votes.csv|cannot read/);
    expect((await run(['analyze'])).code).toBe(2);
  });

  it('--replay replays the history and reports the agreement with Polis; --group-start is checked', async () => {
    const { code, out, err } = await run(['analyze', '--polis', fixture, '--replay', '--json']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const doc = JSON.parse(out);
    expect(doc.replay).toMatchObject({
      requested: true,
      replayed: true,
      schedule: { interval_ms: 1000, min_growth: 0.01 },
    });
    expect(doc.replay.updates).toBeGreaterThan(10);
    expect(doc.polis).toEqual({ k: 2, compared: expect.any(Number), ari: expect.any(Number) });
    expect(doc.group_start).toBe('lower-inertia');
    const text = await run(['analyze', '--polis', fixture, '--replay']);
    expect(text.out).toMatch(/Replayed the conversation's history: \d+ warm-started updates/);
    expect((await run(['analyze', '--polis', fixture, '--group-start', 'random'])).code).toBe(2);
  });

  it('exits quietly when the reader of stdout goes away (EPIPE, as with `| head -1`)', async () => {
    const child = spawn(process.execPath, ['bin/parley-ts.js', 'analyze', '--help'], {
      cwd: join(import.meta.dirname, '../..'),
    });
    // Close our end of the pipe before the child (still loading) writes anything: its write fails with EPIPE.
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});
