import {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  DEMO_SERIES_SLUG,
  DemoExistsError,
  loadDemo,
} from '../../demo/load.ts';
import { parseVerbArgs } from '../args.ts';
import { UsageError, type Verb } from '../verb.ts';
import { withDatabase } from '../with-database.ts';

const help = `Usage: parley demo

Loads the demo dialogue: the US-Pakistan Bilateral (Track-II/I.5) Dialogue from its public
announcement (two rounds, the umbrella theme, the inaugural and four working sessions, the
ten named delegates, 25 clearly fictional further attendees) and one demo account per role,
all with the password ${DEMO_PASSWORD}. \`parley serve\` does this by itself on the first
start of an empty database (unless PARLEY_DEMO=off).

Refuses when a series with the demo's slug (${DEMO_SERIES_SLUG}) already exists.

Environment:
  DATABASE_URL  postgres://... or an SQLite file (default ./data/parley.sqlite)

Options:
  -h, --help  show this help
`;

export const demoVerb: Verb = {
  name: ['demo'],
  summary: 'load the demo dialogue and its demo accounts',
  help,
  async run(args, io) {
    parseVerbArgs(args, {});
    return withDatabase(io, async (db) => {
      try {
        const result = await loadDemo(db);
        io.stdout.write(
          `Loaded the demo into ${db.dialect} ${db.location}: ${result.counts.rounds} rounds, ${result.counts.sessions} sessions, ${result.counts.participations} participations.\n`,
        );
        io.stdout.write(
          `Demo logins (password for all: ${DEMO_PASSWORD}):\n${DEMO_LOGINS.map((l) => `  ${l.label.padEnd(34)} ${l.email}\n`).join('')}`,
        );
        return 0;
      } catch (error) {
        if (error instanceof DemoExistsError) throw new UsageError(error.message, 1);
        throw error;
      }
    });
  },
};
