import { InvitationInput } from '../../domain/accounts.ts';
import { SERIES_ROLES } from '../../domain/enums.ts';
import { createInvitation } from '../../server/services/invitations.service.ts';
import { parseVerbArgs } from '../args.ts';
import { parseInput, withServiceDeps } from '../service-deps.ts';
import { UsageError, type Verb } from '../verb.ts';

const help = `Usage: parley invite --email EMAIL --participation ID [--hours N]
       parley invite --email EMAIL --series ID --role ROLE [--delegation ID] [--hours N]

Creates a single-use invitation link and prints it. The link is shown only now (only its
hash is stored). When SMTP_URL is set, it is also emailed to the invitee.

Inviting a participation (a person's place in a round) moves it from approved to invited;
accepting links the new or existing account to that person. Inviting to a series role grants
it on acceptance. Recorded in the audit log with no actor (the operator at the terminal).

Options:
      --email EMAIL         who is invited
      --participation ID    the participation to invite to, or:
      --series ID           the series whose role is granted
      --role ROLE           ${SERIES_ROLES.join(' | ')}
      --delegation ID       the delegation of a focal point (required for focal_point)
      --hours N             hours until the link expires (default ${24 * 14}, at most ${24 * 60})
  -h, --help                show this help

Environment:
  DATABASE_URL  postgres://... or an SQLite file (default ./data/parley.sqlite)
  PUBLIC_URL    the address people reach Parley at, used in the link
  SMTP_URL      smtp://user:pass@host:port to email the link; MAIL_FROM its sender

Examples:
  parley invite --email delegate@example.org --participation 6c1f...
  parley invite --email focal@example.org --series 2b9e... --role focal_point --delegation 91aa...
`;

export const inviteVerb: Verb = {
  name: ['invite'],
  summary: 'create an invitation link to a participation or a series role',
  help,
  async run(args, io) {
    const { values } = parseVerbArgs(args, {
      email: { type: 'string' },
      participation: { type: 'string' },
      series: { type: 'string' },
      role: { type: 'string' },
      delegation: { type: 'string' },
      hours: { type: 'string' },
    });
    if (!values.email) throw new UsageError('--email is required');
    if (Boolean(values.participation) === Boolean(values.series))
      throw new UsageError('give either --participation, or --series with --role');
    if (values.series && !values.role) throw new UsageError('--series needs --role');
    if (values.participation && (values.role || values.delegation))
      throw new UsageError('--role and --delegation go with --series, not --participation');
    const hours = values.hours === undefined ? undefined : Number(values.hours);
    const input = parseInput(
      InvitationInput,
      {
        email: values.email,
        participationId: values.participation,
        seriesId: values.series,
        seriesRole: values.role,
        delegationId: values.delegation,
        expiresInHours: hours,
      },
      {
        email: '--email',
        participationId: '--participation',
        seriesId: '--series',
        seriesRole: '--role',
        delegationId: '--delegation',
        expiresInHours: '--hours',
      },
    );
    const invitation = await withServiceDeps(io, (deps) => createInvitation(deps, null, input));
    io.stdout.write(
      `Invitation for ${invitation.email}, valid until ${invitation.expiresAt}:\n${invitation.link}\n`,
    );
    io.stdout.write(
      invitation.emailed
        ? 'It has been emailed.\n'
        : 'Not emailed (no SMTP_URL, or the mail server refused): send the link yourself.\n',
    );
    return 0;
  },
};
