import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './process.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';
import { buildParticipation, buildPerson, buildRound, buildSeries } from '../support/factories.ts';
import { startTestSmtp, unfoldMail, type TestSmtp } from '../support/smtp.ts';

const run = runInProcess;

for (const dialect of testDialects()) {
  describe(`[${dialect}] parley user create / invite`, () => {
    let database: TestDatabase;
    let env: NodeJS.ProcessEnv;
    let smtp: TestSmtp;
    const db = () => database.db.kysely;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      env = {
        DATABASE_URL: database.url,
        PUBLIC_URL: 'https://parley.example.org',
        LOG_LEVEL: 'silent',
      };
      smtp = await startTestSmtp();
    });
    afterAll(async () => {
      await database.drop();
      await smtp.close();
    });

    describe('user create', () => {
      it('has a full --help', async () => {
        const res = await run(['user', 'create', '--help'], env);
        expect(res.code).toBe(0);
        for (const word of [
          '--email',
          '--name',
          '--password',
          '--admin',
          'PARLEY_PASSWORD',
          'DATABASE_URL',
          'Example',
        ])
          expect(res.stdout).toContain(word);
      });
      it('creates an admin with the password from PARLEY_PASSWORD, never echoing it, audited with no actor', async () => {
        const secret = 'a very secret passphrase';
        const res = await run(
          ['user', 'create', '--email', 'Admin@Example.org', '--name', 'Ana Admin', '--admin'],
          { ...env, PARLEY_PASSWORD: secret },
        );
        expect(res.stderr).toBe('');
        expect(res.code).toBe(0);
        expect(res.stdout).toContain('Created admin account admin@example.org');
        expect(res.stdout + res.stderr).not.toContain(secret);
        const user = await db()
          .selectFrom('users')
          .selectAll()
          .where('email', '=', 'admin@example.org')
          .executeTakeFirstOrThrow();
        expect(user.is_admin).toBe(1);
        expect(user.password_hash).toMatch(/^\$argon2id\$/);
        const entries = await db()
          .selectFrom('audit_log')
          .selectAll()
          .where('resource_id', '=', user.id)
          .execute();
        expect(entries.map((e) => e.action).sort()).toEqual(['user.create', 'user.grant_admin']);
        expect(entries.every((e) => e.actor_user_id === null)).toBe(true);
      });
      it('refuses a duplicate email with exit code 1 and a clear message', async () => {
        const res = await run(
          [
            'user',
            'create',
            '--email',
            'admin@example.org',
            '--name',
            'Twin',
            '--password',
            'another long password',
          ],
          env,
        );
        expect(res.code).toBe(1);
        expect(res.stderr).toContain('An account with this email exists');
      });
      it('names the offending option, never echoing the password', async () => {
        const short = await run(
          ['user', 'create', '--email', 'x@example.org', '--name', 'X', '--password', 'tiny-pw'],
          env,
        );
        expect(short.code).toBe(2);
        expect(short.stderr).toContain(
          '--password / PARLEY_PASSWORD: must be at least 10 characters',
        );
        expect(short.stderr).not.toContain('tiny-pw');
        const missing = await run(
          ['user', 'create', '--email', 'x@example.org', '--name', 'X'],
          env,
        );
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain('PARLEY_PASSWORD');
        const bad = await run(
          [
            'user',
            'create',
            '--email',
            'not-an-email',
            '--name',
            'X',
            '--password',
            'long enough password',
          ],
          env,
        );
        expect(bad.stderr).toContain('--email');
      });
    });

    describe('invite', () => {
      it('has a full --help', async () => {
        const res = await run(['invite', '--help'], env);
        expect(res.code).toBe(0);
        for (const word of [
          '--participation',
          '--series',
          '--role',
          'focal_point',
          '--delegation',
          '--hours',
          'SMTP_URL',
        ])
          expect(res.stdout).toContain(word);
      });
      it('prints a link to a participation that the API then accepts as valid', async () => {
        const series = await buildSeries(db(), { title: 'CLI Dialogue' });
        const round = await buildRound(db(), { series_id: series.id });
        const person = await buildPerson(db());
        const p = await buildParticipation(db(), { round_id: round.id, person_id: person.id });
        const res = await run(
          ['invite', '--email', 'guest@example.org', '--participation', p.id, '--hours', '2'],
          env,
        );
        expect(res.stderr).toBe('');
        expect(res.code).toBe(0);
        const link = res.stdout.match(
          /https:\/\/parley\.example\.org\/invitations\/[A-Za-z0-9_-]+/,
        )?.[0];
        expect(link).toBeDefined();
        expect(res.stdout).toContain('Not emailed');
        const row = await db()
          .selectFrom('invitations')
          .selectAll()
          .where('participation_id', '=', p.id)
          .executeTakeFirstOrThrow();
        expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(2 * 3600_000);
        expect(row.created_by).toBeNull();
        const status = await db()
          .selectFrom('participations')
          .select('status')
          .where('id', '=', p.id)
          .executeTakeFirstOrThrow();
        expect(status.status).toBe('invited');
      });
      it('emails the link when SMTP_URL is set', async () => {
        const series = await buildSeries(db(), { title: 'Mailed Dialogue' });
        const res = await run(
          [
            'invite',
            '--email',
            'focal@example.org',
            '--series',
            series.id,
            '--role',
            'focal_point',
            '--delegation',
            series.delegations[0].id,
          ],
          { ...env, SMTP_URL: smtp.url },
        );
        expect(res.code).toBe(0);
        expect(res.stdout).toContain('It has been emailed.');
        const link = res.stdout.match(/https:\/\/\S+/)![0];
        const mail = smtp.received.find((m) => m.to.includes('focal@example.org'))!;
        expect(unfoldMail(mail.raw)).toContain(link);
        expect(unfoldMail(mail.raw)).toContain('focal point (Delegation A)');
      });
      it('explains wrong combinations of options', async () => {
        expect((await run(['invite', '--email', 'a@example.org'], env)).stderr).toContain(
          'either --participation, or --series with --role',
        );
        expect(
          (await run(['invite', '--email', 'a@example.org', '--series', 'x'], env)).stderr,
        ).toContain('--series needs --role');
        const role = await run(
          ['invite', '--email', 'a@example.org', '--series', 'x', '--role', 'king'],
          env,
        );
        expect(role.code).toBe(2);
        expect(role.stderr).toContain('--role');
        const unknown = await run(
          ['invite', '--email', 'a@example.org', '--series', 'no-such-series', '--role', 'sponsor'],
          env,
        );
        expect(unknown.code).toBe(1);
        expect(unknown.stderr).toContain('No such series');
        const hours = await run(
          [
            'invite',
            '--email',
            'a@example.org',
            '--series',
            'x',
            '--role',
            'sponsor',
            '--hours',
            'soon',
          ],
          env,
        );
        expect(hours.stderr).toContain('--hours');
      });
    });
  });
}
