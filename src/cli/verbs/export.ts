import { writeFileSync } from 'node:fs';
import {
  FORMAT,
  FORMAT_VERSION,
  serializeDocument,
  TransferError,
} from '../../server/transfer/document.ts';
import { exportSeries } from '../../server/transfer/export.ts';
import { parseVerbArgs } from '../args.ts';
import { UsageError, type Verb } from '../verb.ts';
import { withDatabase } from '../with-database.ts';

const help = `Usage: parley export --series <id|slug> [--out <file>]

Writes a whole series as one JSON document ({ "format": "${FORMAT}", "version": ${FORMAT_VERSION}, ... }):
the series, its organisations and their parts, delegations, rounds, sessions, the people who
take part, their participations, statements and votes, the series roles, and the accounts
they refer to (by email; never passwords). \`parley import\` reads it back: export, import into
an empty database and export again gives the same bytes. The export is recorded in the audit
log. The file holds confidential data (who took part, who said what): keep it safe.

Options:
  --series <id|slug>  the series to export
  --out <file>        write to this file (default: standard output)
  -h, --help          show this help

Examples:
  parley export --series us-pakistan-bilateral-dialogue --out us-pk.json
  DATABASE_URL=postgres://parley@db/parley parley export --series us-pakistan-bilateral-dialogue > us-pk.json
`;

export const exportVerb: Verb = {
  name: ['export'],
  summary: 'write a whole series as one JSON document',
  help,
  async run(args, io) {
    const { values } = parseVerbArgs(args, { series: { type: 'string' }, out: { type: 'string' } });
    if (!values.series) throw new UsageError('--series <id|slug> is required');
    const series = values.series;
    return withDatabase(io, async (db) => {
      let text: string;
      try {
        text = serializeDocument(await exportSeries(db.kysely, series));
      } catch (error) {
        if (error instanceof TransferError) throw new UsageError(error.message, 1);
        throw error;
      }
      if (!values.out) {
        io.stdout.write(text);
        return 0;
      }
      writeFileSync(values.out, text);
      io.stdout.write(
        `Exported series '${series}' to ${values.out} (${Buffer.byteLength(text)} bytes).\n`,
      );
      return 0;
    });
  },
};
