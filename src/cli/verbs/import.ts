import { readFileSync } from 'node:fs';
import { FORMAT, FORMAT_VERSION, TransferError } from '../../server/transfer/document.ts';
import { importSeries, parseSeriesDocumentText } from '../../server/transfer/import.ts';
import { parseVerbArgs } from '../args.ts';
import { UsageError, type Verb } from '../verb.ts';
import { withDatabase } from '../with-database.ts';

const help = `Usage: parley import <file>

Reads a series document written by \`parley export\` ({ "format": "${FORMAT}", "version": ${FORMAT_VERSION}, ... })
and writes it into the database in one transaction. The document is checked first; every
problem is reported with its JSON path (e.g. rounds[1].startsOn). Refuses when the database
already holds the series' id or slug. Organisations and people already present (same id) are
reused; accounts are matched by email, and accounts that do not exist yet are created
without a password (invite them to set one). Use - to read standard input.

Environment:
  DATABASE_URL  postgres://... or an SQLite file (default ./data/parley.sqlite)

Options:
  -h, --help  show this help

Example:
  DATABASE_URL=postgres://parley@db/parley parley import us-pk.json
`;

export const importVerb: Verb = {
  name: ['import'],
  summary: 'read a series document written by export',
  help,
  async run(args, io) {
    const { positionals } = parseVerbArgs(args, {}, true);
    if (positionals.length !== 1)
      throw new UsageError('give exactly one file to import (or - for standard input)');
    const file = positionals[0];
    let text: string;
    try {
      text = readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`, 1);
    }
    return withDatabase(io, async (db) => {
      try {
        const result = await importSeries(db.kysely, parseSeriesDocumentText(text));
        const counts = Object.entries(result.counts)
          .filter(([, n]) => n > 0)
          .map(([key, n]) => `${key} ${n}`)
          .join(', ');
        io.stdout.write(
          `Imported series ${result.seriesId} into ${db.dialect} ${db.location}: ${counts}; ${result.accountsCreated} account(s) created without a password.\n`,
        );
        return 0;
      } catch (error) {
        if (error instanceof TransferError) throw new UsageError(error.message, 1);
        throw error;
      }
    });
  },
};
