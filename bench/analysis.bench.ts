/**
 * `npm run bench:analysis`: the convergence engine on synthetic conversations with planted groups
 * (a Track-II room, a large consultation, Polis's largest production conversation). Each figure
 * comes from a fresh child process so peak memory is that shape's own: we report the child's peak
 * resident set size (ru_maxrss: Node runtime + tsx + input + analysis), the honest upper bound.
 * Ends with one line of JSON holding every figure.
 */
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { runChild } from './analysis/child.ts';
import { SHAPES } from './analysis/synthetic.ts';

const TARGETS = { 'polis-largest': { ms: 1000, mb: 300 }, 'track-ii-room': { ms: 5 } } as const;

function child(shape: string, mode: string, ...rest: string[]): Record<string, number> {
  const output = execFileSync(
    process.execPath,
    ['bin/run-ts.js', 'bench/analysis.bench.ts', '--child', shape, mode, ...rest],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(output.trim().split('\n').pop() as string) as Record<string, number>;
}

const f = (x: number, digits = 1) => x.toFixed(digits);

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt >= 0)
    return runChild(
      process.argv[childAt + 1],
      process.argv[childAt + 2],
      process.argv[childAt + 3],
    );

  const loadStart = loadavg()[0];
  console.log(
    `analysis benchmark: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), one core used per run, load average ${loadavg()[0].toFixed(1)}`,
  );
  const shapes: Record<string, number | string>[] = [];
  for (const shape of SHAPES) {
    const analysis = child(shape.name, 'analysis');
    const { folder } = child(shape.name, 'write') as unknown as { folder: string };
    let parse: Record<string, number>;
    try {
      parse = child(shape.name, 'parse', folder);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    const figures = {
      shape: shape.name,
      participants: shape.participants,
      statements: shape.statements,
      ...analysis,
      ...parse,
    };
    shapes.push(figures);
    console.log(
      `${shape.name.padEnd(14)} ${shape.participants} x ${shape.statements}, ${analysis.votes} votes: ` +
        `analysis ${f(analysis.analysis_ms_median, 2)} ms wall, ${f(analysis.analysis_cpu_ms_median, 2)} ms CPU (median of ${analysis.repeats}; first run ${f(analysis.analysis_ms_first)} ms; load average ${f(analysis.load_average_analysis)}), ` +
        `with parsing ${f(parse.with_parse_ms)} ms wall, ${f(parse.with_parse_cpu_ms)} ms CPU (parse ${f(parse.parse_ms)} ms wall, ${f(parse.parse_cpu_ms)} ms CPU), ` +
        `peak RSS ${f(analysis.peak_rss_mb)} MB (before analysis ${f(analysis.rss_before_analysis_mb)} MB; with parsing ${f(parse.peak_rss_mb_with_parse)} MB), ` +
        `k ${analysis.k}, ARI vs planted ${f(analysis.ari_vs_planted, 3)}`,
    );
  }
  const loop = child('polis-largest', 'event-loop');
  console.log(
    `event loop while polis-largest is analysed: in a worker, lag p99 ${f(loop.worker_lag_p99_ms)} ms, max ${f(loop.worker_lag_max_ms)} ms ` +
      `(round trip ${f(loop.worker_round_trip_ms)} ms); inline on the main thread, max lag ${f(loop.inline_lag_max_ms)} ms`,
  );
  const largest = shapes.find((s) => s.shape === 'polis-largest');
  const room = shapes.find((s) => s.shape === 'track-ii-room');
  const targets = {
    largest_under_1s:
      Number(largest?.analysis_ms_median ?? Infinity) <= TARGETS['polis-largest'].ms,
    largest_cpu_under_1s:
      Number(largest?.analysis_cpu_ms_median ?? Infinity) <= TARGETS['polis-largest'].ms,
    largest_under_300mb: Number(largest?.peak_rss_mb ?? Infinity) <= TARGETS['polis-largest'].mb,
    room_under_5ms: Number(room?.analysis_ms_median ?? Infinity) <= TARGETS['track-ii-room'].ms,
  };
  console.log(
    JSON.stringify({
      bench: 'analysis',
      node: process.version,
      // 1-minute load average at the end; each shape also records it when its children started.
      load_average: loadavg()[0],
      load_average_start: loadStart,
      memory: 'child ru_maxrss MB',
      shapes,
      event_loop: loop,
      targets,
    }),
  );
}

await main();
