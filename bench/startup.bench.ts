/**
 * `npm run bench:startup`: start-up time of the whole process on an empty SQLite database,
 * from spawning `node bin/parley.js serve` (the build in dist/server, built first if stale) to
 * the first 200 answer from `/`. Two cases: the default first start (migrations + loading the
 * demo) and PARLEY_DEMO=off (migrations only); then both again from the TypeScript sources
 * through tsx (`bin/parley-ts.js`, as every start was before the build), for comparison under
 * the same load. Each run uses a fresh database file and a free port; `/` is polled every 5 ms
 * from the spawn. Ends with one line of JSON holding every figure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES = { built: 'bin/parley.js', 'tsx sources': 'bin/parley-ts.js' } as const;
type Entry = keyof typeof ENTRIES;
const RUNS = Number(process.env.RUNS ?? 5);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function firstOk(url: string, deadline: number): Promise<void> {
  while (performance.now() < deadline) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`${url} gave no 200 in time`);
}

/** One cold start: milliseconds from spawn to the first 200 from `/`. */
async function startOnce(entry: Entry, demo: 'on' | 'off'): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-startup-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    PARLEY_DEMO: demo,
    DATABASE_URL: `sqlite:${join(dir, 'parley.sqlite')}`,
  };
  const started = performance.now();
  const child = spawn(process.execPath, [ENTRIES[entry], 'serve'], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  const exited = new Promise((r) => child.on('exit', r));
  try {
    await firstOk(`http://127.0.0.1:${port}/`, started + 60_000);
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  console.log(
    `start-up benchmark: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${RUNS} runs per case, load average ${loadavg()[0].toFixed(1)}`,
  );
  spawnSync(process.execPath, ['scripts/build.js', 'server', '--if-stale'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const figures: Record<string, { medianMs: number; minMs: number; maxMs: number }> = {};
  for (const [entry, demo] of [
    ['built', 'off'],
    ['built', 'on'],
    ['tsx sources', 'off'],
    ['tsx sources', 'on'],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) times.push(await startOnce(entry, demo));
    const name = `${entry}, empty database, ${demo === 'on' ? 'demo loaded' : 'PARLEY_DEMO=off'}`;
    figures[name] = {
      medianMs: Math.round(median(times)),
      minMs: Math.round(Math.min(...times)),
      maxMs: Math.round(Math.max(...times)),
    };
    console.log(
      `${name.padEnd(46)} median ${figures[name].medianMs} ms (min ${figures[name].minMs}, max ${figures[name].maxMs})`,
    );
  }
  console.log(`load average at the end ${loadavg()[0].toFixed(1)}`);
  console.log(JSON.stringify({ bench: 'startup', runs: RUNS, figures }));
}

await main();
