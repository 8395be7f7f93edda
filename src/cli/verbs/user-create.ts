import { UserInput } from '../../domain/accounts.ts';
import { createUserAccount } from '../../server/services/users.service.ts';
import { parseVerbArgs } from '../args.ts';
import { parseInput, withServiceDeps } from '../service-deps.ts';
import { UsageError, type Verb } from '../verb.ts';

const help = `Usage: parley user create --email EMAIL --name NAME [--password PASSWORD] [--admin]

Creates an account that signs in with an email and a password. The creation is recorded in
the audit log with no actor (the operator at the terminal).

Options:
      --email EMAIL        the address to sign in with (stored in lower case)
      --name NAME          the name shown to others
      --password PASSWORD  at least 10 characters; prefer the PARLEY_PASSWORD environment
                           variable, which stays out of the shell history
      --admin              a platform admin (manages accounts, series and the audit log)
  -h, --help               show this help

Environment:
  DATABASE_URL     postgres://... or an SQLite file (default ./data/parley.sqlite)
  PARLEY_PASSWORD  the password, when --password is not given

Example:
  PARLEY_PASSWORD='a long passphrase' parley user create --email ana@example.org --name 'Ana Ruiz' --admin
`;

export const userCreateVerb: Verb = {
  name: ['user', 'create'],
  summary: 'create an account (optionally a platform admin)',
  help,
  async run(args, io) {
    const { values } = parseVerbArgs(args, {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      admin: { type: 'boolean', default: false },
    });
    const password = values.password ?? io.env.PARLEY_PASSWORD;
    if (!values.email) throw new UsageError('--email is required');
    if (!values.name) throw new UsageError('--name is required');
    if (!password) throw new UsageError('give the password in PARLEY_PASSWORD (or --password)');
    const input = parseInput(
      UserInput,
      { email: values.email, displayName: values.name, password, isAdmin: values.admin },
      {
        email: '--email',
        displayName: '--name',
        password: '--password / PARLEY_PASSWORD',
      },
    );
    const user = await withServiceDeps(io, (deps) => createUserAccount(deps, null, input));
    io.stdout.write(
      `Created ${user.isAdmin ? 'admin ' : ''}account ${user.email} (${user.displayName}), id ${user.id}.\n`,
    );
    return 0;
  },
};
