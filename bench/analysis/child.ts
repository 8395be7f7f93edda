import { mkdtemp } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { adjustedRandIndex, analyze } from '../../src/analysis/index.ts';
import { startAnalysisWorker } from '../../src/analysis-worker/client.ts';
import { readPolisExport } from '../../src/polis/read.ts';
import { writePolisExport } from '../../src/polis/write.ts';
import { plantedConversation, SHAPES, type Shape } from './synthetic.ts';

/** Peak resident set size of this process so far, in MB (ru_maxrss; Node reports kilobytes). */
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function ariAgainstPlanted(groups: readonly number[], planted: Int32Array): number {
  const ours: number[] = [];
  const truth: number[] = [];
  groups.forEach((g, i) => {
    if (g >= 0) {
      ours.push(g);
      truth.push(planted[i]);
    }
  });
  return adjustedRandIndex(ours, truth);
}

/** Analysis alone (input already in memory as a vote table): first run, then the median of repeats. */
function measureAnalysis(shape: Shape) {
  const { table, planted } = plantedConversation(shape);
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  const repeats = shape.participants < 100 ? 200 : shape.participants < 5000 ? 10 : 5;
  let start = performance.now();
  let result = analyze(table);
  const first = performance.now() - start;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const cpu = process.cpuUsage();
    start = performance.now();
    result = analyze(table);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  return {
    votes: table.value.length,
    analysis_ms_first: first,
    analysis_ms_median: median(times),
    // CPU time of this thread's process: less sensitive than wall time when the machine is shared.
    analysis_cpu_ms_median: median(cpuTimes),
    repeats,
    k: result.selection.k,
    ari_vs_planted: ariAgainstPlanted(result.participants.group, planted),
    rss_before_analysis_mb: rssBeforeMb,
    peak_rss_mb: peakRssMb(),
  };
}

/** CPU time (user + system) of this process since `since`, in ms. */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** Writes the shape's votes as a Polis export (votes.csv with timestamps, participants-votes.csv, comments.csv) into a new temp folder. */
async function writeExport(shape: Shape) {
  const { table } = plantedConversation(shape);
  const folder = await mkdtemp(join(tmpdir(), 'parley-bench-'));
  const comments = table.statements.map((s) => ({
    id: s.id,
    body: `Statement ${s.id}`,
    authorId: '0',
    moderated: 1,
    timestamp: '',
  }));
  // One vote a second from a fixed start, so votes.csv carries real timestamps as Polis's does.
  const at = Float64Array.from(
    { length: table.value.length },
    (_, k) => 1_500_000_000_000 + 1000 * k,
  );
  await writePolisExport(folder, {
    summary: { topic: shape.name },
    comments,
    table: { ...table, at },
    polisGroups: new Map(),
    voteSource: 'votes.csv',
  });
  return { folder };
}

/**
 * Parsing included: the export (written by another child, so the writer's memory is not counted)
 * read with the streaming byte-level reader, then analysed. Peak RSS is this child's own.
 */
async function measureWithParsing(folder: string) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const data = await readPolisExport(folder);
  const parsed = performance.now();
  const parseCpu = cpuMs(cpu);
  analyze(data.table);
  const done = performance.now();
  return {
    parse_ms: parsed - start,
    parse_cpu_ms: parseCpu,
    with_parse_ms: done - start,
    with_parse_cpu_ms: cpuMs(cpu),
    peak_rss_mb_with_parse: peakRssMb(),
  };
}

/** Event-loop delay on the main thread while the largest shape is analysed, in a worker versus inline. */
async function measureEventLoop(shape: Shape) {
  const { table } = plantedConversation(shape);
  const worker = startAnalysisWorker();
  await worker.analyze(plantedConversation(SHAPES[0]).table); // the worker has started and loaded the engine
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let start = performance.now();
  await worker.analyze(table);
  const workerMs = performance.now() - start;
  histogram.disable();
  await worker.close();
  const inline = monitorEventLoopDelay({ resolution: 5 });
  inline.enable();
  await new Promise((resolve) => setTimeout(resolve, 20));
  start = performance.now();
  analyze(table);
  const inlineMs = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 20));
  inline.disable();
  return {
    worker_round_trip_ms: workerMs,
    worker_lag_p99_ms: histogram.percentile(99) / 1e6,
    worker_lag_max_ms: histogram.max / 1e6,
    inline_analysis_ms: inlineMs,
    inline_lag_max_ms: inline.max / 1e6,
  };
}

/** Child entry: `--child <shape> <analysis|write|parse|event-loop> [folder]`, prints one JSON object (with the load average when it ran). */
export async function runChild(shapeName: string, mode: string, folder?: string): Promise<void> {
  const shape = SHAPES.find((s) => s.name === shapeName);
  if (!shape) throw new Error(`unknown shape ${shapeName}`);
  const load = loadavg()[0];
  const figures =
    mode === 'analysis'
      ? measureAnalysis(shape)
      : mode === 'write'
        ? await writeExport(shape)
        : mode === 'parse'
          ? await measureWithParsing(folder as string)
          : await measureEventLoop(shape);
  process.stdout.write(`${JSON.stringify({ ...figures, [`load_average_${mode}`]: load })}\n`);
}
