import { parseVerbArgs } from '../args.ts';
import { UsageError, type Verb } from '../verb.ts';

const help = `Usage: parley serve

Starts the Parley web server: applies any pending database migrations, loads the demo
dialogue on the first start of an empty database (unless PARLEY_DEMO=off), listens on
HOST:PORT and prints the address, the database and the demo logins. Stops cleanly on
Ctrl-C (SIGINT) or SIGTERM.

Environment:
  PORT=3000                 port to listen on (0 picks a free one)
  HOST=127.0.0.1            address to listen on (0.0.0.0 for every interface)
  DATABASE_URL              postgres://user:pass@host/db, or an SQLite file
                            (sqlite:path or a bare path; default ./data/parley.sqlite)
  PARLEY_DEMO=on|off        off: never load the demo (the production setting)
  PUBLIC_URL                the address people use, for links in invitations
  SMTP_URL, MAIL_FROM       send invitations by mail (smtp://user:pass@host:port)
  SESSION_TTL_HOURS=336     how long a sign-in lasts
  LOG_LEVEL=info            fatal, error, warn, info, debug, trace or silent

Options:
  -h, --help  show this help

Examples:
  parley serve
  PARLEY_DEMO=off DATABASE_URL=postgres://parley@db/parley HOST=0.0.0.0 parley serve
`;

/** After a graceful shutdown, the process exits within this long even if a handle lingers. */
const EXIT_AFTER_CLOSE_MS = 500;

export const serveVerb: Verb = {
  name: ['serve'],
  summary: 'start the web server (loads the demo into an empty database)',
  help,
  async run(args, io) {
    parseVerbArgs(args, {});
    // Loaded here, not at the top: the whole server is not needed for `parley --help` or other verbs.
    const { startServer } = await import('../../server/start.ts');
    let server;
    try {
      server = await startServer(io.env, { out: io.stdout, handleSignals: true });
    } catch (error) {
      throw new UsageError(`could not start: ${(error as Error).message}`, 1);
    }
    await server.closed;
    // Everything is closed; a connection or worker that lingers must not hold the exit past the bound.
    setTimeout(() => process.exit(0), EXIT_AFTER_CLOSE_MS).unref();
    return 0;
  },
};
