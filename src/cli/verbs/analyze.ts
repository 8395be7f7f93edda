import { adjustedRandIndex, analyze, type AnalysisResult } from '../../analysis/index.ts';
import { CsvError } from '../../polis/csv.ts';
import { progressBar } from '../../polis/progress.ts';
import { readPolisExport, type PolisExport } from '../../polis/read.ts';
import { parseVerbArgs } from '../args.ts';
import { UsageError, type CliIO, type Verb } from '../verb.ts';

const help = `Usage: parley analyze --polis <folder> [--json]

Runs the convergence engine on a Polis export folder (votes.csv, comments.csv, summary.csv;
participants-votes.csv when votes.csv is missing) and prints the opinion groups with their
representative statements, the consensus and the areas of uncertainty.

Options:
  --polis <folder>  the export folder to read
  --json            print one JSON document on stdout instead of the summary
  -h, --help        show this help

Examples:
  parley analyze --polis ../shared/data/polis-opendata/brexit-consensus
  parley analyze --polis ./export --json > analysis.json
`;

/** Agreement with Polis's own groups over the participants both clustered (undefined without group ids). */
function polisAgreement(data: PolisExport, result: AnalysisResult) {
  if (data.polisGroups.size === 0) return undefined;
  const ours: number[] = [];
  const theirs: string[] = [];
  result.participants.ids.forEach((id, i) => {
    const polis = data.polisGroups.get(id);
    if (polis !== undefined && result.participants.group[i] >= 0) {
      ours.push(result.participants.group[i]);
      theirs.push(polis);
    }
  });
  return { k: new Set(data.polisGroups.values()).size, compared: ours.length, ari: adjustedRandIndex(ours, theirs) };
}

function summaryText(data: PolisExport, result: AnalysisResult, timings: { parse: number; analysis: number }): string {
  const text = new Map(data.comments.map((c) => [c.id, c.body.replace(/\s+/g, ' ').trim()]));
  const quote = (id: string) => `#${id} ${text.get(id) ?? ''}`.trimEnd();
  const percent = (x: number) => `${Math.round(100 * x)}%`;
  const { counts } = result;
  const lines = [
    `${data.summary.topic ?? 'Conversation'}: ${counts.participants} participants (${counts.inConv} clustered), ${counts.statements} statements, ${counts.votes} votes`,
  ];
  if (result.flags.noOpinionStructure) lines.push(`No opinion structure: ${result.flags.reasons.join('; ')}`);
  for (const group of result.groups) {
    lines.push('', `Group ${group.id} (${group.members.length} participants)`);
    for (const rep of result.repness[String(group.id)] ?? []) {
      lines.push(
        `  ${rep.direction === 'agree' ? 'agrees   ' : 'disagrees'} ${percent(rep.probability)} of ${rep.seen}: ${quote(rep.statement)}`,
      );
    }
  }
  lines.push('', 'Consensus');
  for (const c of result.consensus.agree) lines.push(`  agree    ${percent(c.share)} of ${c.seen}: ${quote(c.statement)}`);
  for (const c of result.consensus.disagree) lines.push(`  disagree ${percent(c.share)} of ${c.seen}: ${quote(c.statement)}`);
  if (result.consensus.agree.length + result.consensus.disagree.length === 0) lines.push('  (none)');
  lines.push('', 'Areas of uncertainty');
  for (const u of result.uncertainty.slice(0, 5)) lines.push(`  passed by ${percent(u.passShare)} of ${u.seen}: ${quote(u.statement)}`);
  if (result.uncertainty.length === 0) lines.push('  (none)');
  const polis = polisAgreement(data, result);
  if (polis)
    lines.push('', `Polis's own groups: k = ${polis.k}; adjusted Rand index ${polis.ari.toFixed(3)} over ${polis.compared} participants`);
  lines.push('', `Parsed in ${timings.parse.toFixed(0)} ms, analysed in ${timings.analysis.toFixed(0)} ms`);
  return `${lines.join('\n')}\n`;
}

export const analyzeVerb: Verb = {
  name: ['analyze'],
  summary: 'Analyse a Polis export: opinion groups, consensus, areas of uncertainty',
  help,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values } = parseVerbArgs(args, { polis: { type: 'string' }, json: { type: 'boolean' } });
    if (!values.polis) throw new UsageError('--polis <folder> is required (see --help)');
    const bar = progressBar(io.stderr);
    const started = performance.now();
    let data: PolisExport;
    try {
      data = await readPolisExport(values.polis, { onProgress: (file, done, total) => bar.update(file, done, total) });
    } catch (error) {
      if (error instanceof CsvError) throw new UsageError(error.message, 1);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`cannot read ${values.polis}`, 1);
      throw error;
    } finally {
      bar.finish();
    }
    if (data.voteSource === 'none') throw new UsageError(`${values.polis}: no votes.csv or participants-votes.csv`, 1);
    const parsed = performance.now();
    const result = analyze(data.table);
    const timings = { parse: parsed - started, analysis: performance.now() - parsed };
    if (!values.json) {
      io.stdout.write(summaryText(data, result, timings));
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
      timings_ms: { parse: Math.round(timings.parse * 10) / 10, analysis: Math.round(timings.analysis * 10) / 10 },
    };
    io.stdout.write(`${JSON.stringify(document)}\n`);
    return 0;
  },
};
