import { parseVerbArgs } from '../args.ts';
import type { Verb } from '../verb.ts';
import { withDatabase } from '../with-database.ts';

const help = `Usage: parley db migrate

Brings the database schema up to date and prints the migrations it applied, or that the
database was already up to date. \`parley serve\` does the same at every start; run this
before starting several servers on one PostgreSQL database, or to check a backup.
Shipped migrations never change; each new one is applied once.

Environment:
  DATABASE_URL  postgres://... or an SQLite file (default ./data/parley.sqlite)

Options:
  -h, --help  show this help

Example:
  DATABASE_URL=postgres://parley@localhost/parley parley db migrate
`;

export const dbMigrateVerb: Verb = {
  name: ['db', 'migrate'],
  summary: 'apply pending database migrations',
  help,
  async run(args, io) {
    parseVerbArgs(args, {});
    await withDatabase(io, async (db, applied) => {
      if (applied.length === 0)
        io.stdout.write(`The database is up to date (${db.dialect} ${db.location}).\n`);
      else
        io.stdout.write(
          `Applied ${applied.length} migration(s) to ${db.dialect} ${db.location}:\n${applied.map((m) => `  ${m}\n`).join('')}`,
        );
    });
    return 0;
  },
};
