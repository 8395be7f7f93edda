import { existsSync, rmSync } from 'node:fs';
import { loadConfig } from '../../server/config.ts';
import { backupSqlite, sqliteFileOf } from '../../server/transfer/backup.ts';
import { parseVerbArgs } from '../args.ts';
import { UsageError, type Verb } from '../verb.ts';

const help = `Usage: parley backup --out <file> [--force]

Copies the SQLite database to <file> with SQLite's online backup API: a consistent snapshot,
safe while \`parley serve\` is running and writing. The copy is then opened, checked
(integrity_check) and its rows counted. Restore by stopping the server and pointing
DATABASE_URL at the copy (or copying it over the database file).

For PostgreSQL this verb does nothing and exits 2: use pg_dump, e.g.
  pg_dump --format=custom --file=parley.dump "$DATABASE_URL"

Environment:
  DATABASE_URL  the SQLite file (sqlite:path or a bare path; default ./data/parley.sqlite)

Options:
  --out <file>  where to write the copy
  --force       replace <file> if it exists
  -h, --help    show this help

Example:
  parley backup --out backups/parley-$(date +%F).sqlite
`;

export const backupVerb: Verb = {
  name: ['backup'],
  summary: 'copy the SQLite database consistently while the server runs',
  help,
  async run(args, io) {
    const { values } = parseVerbArgs(args, { out: { type: 'string' }, force: { type: 'boolean' } });
    let config;
    try {
      config = loadConfig(io.env);
    } catch (error) {
      throw new UsageError((error as Error).message, 1);
    }
    const source = sqliteFileOf(config.databaseUrl);
    if (!source)
      throw new UsageError(
        'the database is PostgreSQL: back it up with pg_dump, e.g. pg_dump --format=custom --file=parley.dump "$DATABASE_URL"',
        2,
      );
    if (!values.out) throw new UsageError('--out <file> is required');
    if (existsSync(values.out) && !values.force)
      throw new UsageError(`${values.out} exists; pass --force to replace it`, 1);
    if (values.force)
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        rmSync(`${values.out}${suffix}`, { force: true });
    try {
      const result = await backupSqlite(source, values.out);
      const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
      io.stdout.write(
        `Backed up ${source} to ${result.file}: ${result.pages} pages, ${Object.keys(result.rows).length} tables, ${total} rows; integrity ok.\n`,
      );
      return 0;
    } catch (error) {
      throw new UsageError((error as Error).message, 1);
    }
  },
};
