import { statSync } from 'node:fs';
import { PolisImportInput } from '../../domain/outcomes.ts';
import { importPolisSession } from '../../server/services/polis-import.service.ts';
import { parseVerbArgs } from '../args.ts';
import { parseInput, withServiceDeps } from '../service-deps.ts';
import { UsageError, type Verb } from '../verb.ts';

const help = `Usage: parley polis import <folder> --round ID [--title T] [--rule RULE] [--language TAG]

Brings a Polis export folder (comments.csv, and votes.csv or participants-votes.csv;
summary.csv for the topic) into a round as a new, closed session, so an earlier Polis
conversation joins the series: its comments become statements (moderated out: rejected),
each Polis participant becomes a pseudonymous participant ("Polis participant 17") who is
counted nowhere in the round and can never sign in, and their latest vote per comment is
kept. Per-vote times are not kept: every row carries the conversation's latest time. The
session is then analysed. A bad file is reported with its name and line (votes.csv:12: ...);
nothing is written then. Recorded in the audit log with no actor (the operator).

Options:
      --round ID       the round that gets the session
      --title T        the session's title (default: summary.csv's topic)
      --rule RULE      on_record | chatham_house (default) | chatham_house_plus
      --language TAG   the comments' language tag (default und, undetermined)
  -h, --help           show this help

Environment:
  DATABASE_URL  postgres://... or an SQLite file (default ./data/parley.sqlite)

Example:
  parley polis import ../shared/data/polis-opendata/brexit-consensus --round 2b9e...
`;

export const polisImportVerb: Verb = {
  name: ['polis', 'import'],
  summary: 'bring a Polis export into a round as a new session',
  help,
  async run(args, io) {
    const { values, positionals } = parseVerbArgs(
      args,
      {
        round: { type: 'string' },
        title: { type: 'string' },
        rule: { type: 'string' },
        language: { type: 'string' },
      },
      true,
    );
    if (positionals.length !== 1) throw new UsageError('give exactly one export folder');
    if (!values.round) throw new UsageError('--round is required');
    if (!statSync(positionals[0], { throwIfNoEntry: false })?.isDirectory())
      throw new UsageError(`${positionals[0]} is not a folder`, 1);
    const options = parseInput(
      PolisImportInput.omit({ files: true }),
      { title: values.title, attributionRule: values.rule, language: values.language },
      { title: '--title', attributionRule: '--rule', language: '--language' },
    );
    const result = await withServiceDeps(io, (deps) =>
      importPolisSession(deps, null, values.round!, positionals[0], options),
    );
    io.stdout.write(
      `Imported session ${result.sessionId}: ${result.statements} statements, ${result.participants} pseudonymous participants, ${result.votes} votes.\n`,
    );
    return 0;
  },
};
