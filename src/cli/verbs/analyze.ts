import { analyze, DEFAULT_REPLAY_SCHEDULE, type AnalysisResult } from '../../analysis/index.ts';
import { agreementWithPolis, replayExport } from '../../polis/compare.ts';
import { CsvError } from '../../polis/csv.ts';
import { progressBar } from '../../polis/progress.ts';
import { readPolisExport, type PolisExport } from '../../polis/read.ts';
import { parseVerbArgs } from '../args.ts';
import { UsageError, type CliIO, type Verb } from '../verb.ts';

const help = `Usage: parley analyze --polis <folder> [--replay] [--group-start <rule>] [--json]

Runs the convergence engine on a Polis export folder (votes.csv, comments.csv, summary.csv;
participants-votes.csv when votes.csv is missing) and prints the opinion groups with their
representative statements, the consensus and the areas of uncertainty. When the export has
Polis's own groups (participants-votes.csv group-id), it also prints how well ours agree
(adjusted Rand index).

Options:
  --polis <folder>      the export folder to read
  --replay              replay the conversation as live Polis computed it: walk the votes in time
                        order and run a warm-started update at each point of the schedule (at
                        most one per ${DEFAULT_REPLAY_SCHEDULE.interval / 1000} s of conversation time, and only once the votes have grown
                        by ${DEFAULT_REPLAY_SCHEDULE.minGrowth * 100}%), reporting the last update. Needs votes.csv (vote times); without it
                        the cold analysis is reported and a note says so
  --group-start <rule>  how a cold group fit starts: lower-inertia (default) or first-distinct
                        (Polis's rule)
  --json                print one JSON document on stdout instead of the summary
  -h, --help            show this help

Examples:
  parley analyze --polis ../shared/data/polis-opendata/brexit-consensus
  parley analyze --polis ../shared/data/polis-opendata/bg2050-volunteers --replay
  parley analyze --polis ./export --json > analysis.json
`;

/** Agreement with Polis's own groups over the participants both clustered (undefined without group ids). */
const polisAgreement = agreementWithPolis;

interface ReplayNote {
  readonly requested: boolean;
  /** False when the export has no vote times (participants-votes.csv only): the run was cold. */
  readonly replayed: boolean;
  readonly updates: number;
  readonly schedule: { interval_ms: number; min_growth: number };
}

function summaryText(
  data: PolisExport,
  result: AnalysisResult,
  timings: { parse: number; analysis: number },
  replay?: ReplayNote,
): string {
  const text = new Map(data.comments.map((c) => [c.id, c.body.replace(/\s+/g, ' ').trim()]));
  const quote = (id: string) => `#${id} ${text.get(id) ?? ''}`.trimEnd();
  const percent = (x: number) => `${Math.round(100 * x)}%`;
  const { counts } = result;
  const lines = [
    `${data.summary.topic ?? 'Conversation'}: ${counts.participants} participants (${counts.inConv} clustered), ${counts.statements} statements, ${counts.votes} votes`,
  ];
  if (result.flags.noOpinionStructure)
    lines.push(`No opinion structure: ${result.flags.reasons.join('; ')}`);
  for (const group of result.groups) {
    lines.push('', `Group ${group.id} (${group.members.length} participants)`);
    for (const rep of result.repness[String(group.id)] ?? []) {
      lines.push(
        `  ${rep.direction === 'agree' ? 'agrees   ' : 'disagrees'} ${percent(rep.probability)} of ${rep.seen}: ${quote(rep.statement)}`,
      );
    }
  }
  lines.push('', 'Consensus');
  for (const c of result.consensus.agree)
    lines.push(`  agree    ${percent(c.share)} of ${c.seen}: ${quote(c.statement)}`);
  for (const c of result.consensus.disagree)
    lines.push(`  disagree ${percent(c.share)} of ${c.seen}: ${quote(c.statement)}`);
  if (result.consensus.agree.length + result.consensus.disagree.length === 0)
    lines.push('  (none)');
  lines.push('', 'Areas of uncertainty');
  for (const u of result.uncertainty.slice(0, 5))
    lines.push(`  passed by ${percent(u.passShare)} of ${u.seen}: ${quote(u.statement)}`);
  if (result.uncertainty.length === 0) lines.push('  (none)');
  const polis = polisAgreement(data, result);
  if (polis)
    lines.push(
      '',
      `Polis's own groups: k = ${polis.k}; adjusted Rand index ${polis.ari.toFixed(3)} over ${polis.compared} participants`,
    );
  if (replay?.replayed)
    lines.push('', `Replayed the conversation's history: ${replay.updates} warm-started updates.`);
  else if (replay)
    lines.push(
      '',
      'No vote times in this export (no votes.csv): nothing to replay, this is a cold run.',
    );
  lines.push(
    '',
    `Parsed in ${timings.parse.toFixed(0)} ms, analysed in ${timings.analysis.toFixed(0)} ms`,
  );
  return `${lines.join('\n')}\n`;
}

export const analyzeVerb: Verb = {
  name: ['analyze'],
  summary: 'Analyse a Polis export: opinion groups, consensus, areas of uncertainty',
  help,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values } = parseVerbArgs(args, {
      polis: { type: 'string' },
      json: { type: 'boolean' },
      replay: { type: 'boolean' },
      'group-start': { type: 'string' },
    });
    if (!values.polis) throw new UsageError('--polis <folder> is required (see --help)');
    const groupStart = values['group-start'] ?? 'lower-inertia';
    if (groupStart !== 'lower-inertia' && groupStart !== 'first-distinct') {
      throw new UsageError(
        `--group-start must be lower-inertia or first-distinct, not ${JSON.stringify(groupStart)}`,
      );
    }
    const bar = progressBar(io.stderr);
    const started = performance.now();
    let data: PolisExport;
    try {
      data = await readPolisExport(values.polis, {
        onProgress: (file, done, total) => bar.update(file, done, total),
      });
    } catch (error) {
      if (error instanceof CsvError) throw new UsageError(error.message, 1);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new UsageError(`cannot read ${values.polis}`, 1);
      throw error;
    } finally {
      bar.finish();
    }
    if (data.voteSource === 'none')
      throw new UsageError(`${values.polis}: no votes.csv or participants-votes.csv`, 1);
    const parsed = performance.now();
    let result: AnalysisResult;
    let replayNote: ReplayNote | undefined;
    if (values.replay) {
      const replayBar = progressBar(io.stderr);
      const replayed = replayExport(data, {
        groupStart,
        onUpdate: (_, done, total) => replayBar.update('replay', done, total),
      });
      replayBar.finish();
      result = replayed?.result ?? analyze(data.table, { groupStart });
      replayNote = {
        requested: true,
        replayed: replayed !== undefined,
        updates: replayed?.updates ?? 1,
        schedule: {
          interval_ms: DEFAULT_REPLAY_SCHEDULE.interval,
          min_growth: DEFAULT_REPLAY_SCHEDULE.minGrowth,
        },
      };
      if (!replayed)
        io.stderr.write(
          `parley analyze: ${values.polis} has no vote times (no votes.csv): nothing to replay, running cold\n`,
        );
    } else result = analyze(data.table, { groupStart });
    const timings = { parse: parsed - started, analysis: performance.now() - parsed };
    if (!values.json) {
      io.stdout.write(summaryText(data, result, timings, replayNote));
      return 0;
    }
    const document = {
      participants: result.counts.participants,
      statements: result.counts.statements,
      votes: result.counts.votes,
      in_conv: result.counts.inConv,
      k: result.selection.k,
      flags: result.flags,
      groups: result.groups.map((g) => ({ id: g.id, members: g.members })),
      consensus: result.consensus,
      repness: result.repness,
      group_informed_consensus: result.groupInformedConsensus,
      uncertainty: result.uncertainty,
      polis: polisAgreement(data, result) ?? null,
      group_start: groupStart,
      replay: replayNote ?? null,
      timings_ms: {
        parse: Math.round(timings.parse * 10) / 10,
        analysis: Math.round(timings.analysis * 10) / 10,
      },
    };
    io.stdout.write(`${JSON.stringify(document)}\n`);
    return 0;
  },
};
