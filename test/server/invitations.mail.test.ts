import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer, type Mailer } from '../../src/server/mail/mailer.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { startTestSmtp, unfoldMail, type TestSmtp } from '../support/smtp.ts';
import {
  buildMember,
  buildParticipation,
  buildPerson,
  buildRound,
  buildSeries,
  buildUser,
  sessionClient,
} from '../support/factories.ts';

for (const dialect of testDialects()) {
  describe(`[${dialect}] invitation mail`, () => {
    let smtp: TestSmtp;
    let mailer: Mailer;
    let t: TestApp;

    beforeAll(async () => {
      smtp = await startTestSmtp();
      mailer = smtpMailer(smtp.url, 'Parley <parley@example.org>');
      t = await createTestApp(dialect, {
        mailer,
        env: { PUBLIC_URL: 'https://parley.example.org' },
      });
    });
    afterAll(async () => {
      mailer.close();
      await t.close();
      await smtp.close();
    });

    it('emails the link with the series, the round and the expiry', async () => {
      const db = t.deps.db.kysely;
      const series = await buildSeries(db, { title: 'US-Pakistan Bilateral Dialogue' });
      const round = await buildRound(db, {
        series_id: series.id,
        number: 2,
        city: 'Islamabad',
        country: 'Pakistan',
        starts_on: '2026-04-05',
        ends_on: '2026-04-06',
      });
      const person = await buildPerson(db);
      const p = await buildParticipation(db, {
        round_id: round.id,
        person_id: person.id,
        delegation_id: series.delegations[1].id,
        role: 'delegate',
      });
      const organiser = await buildUser(db);
      await buildMember(db, { series_id: series.id, user_id: organiser.id, role: 'organiser' });
      const client = await sessionClient(t, organiser.id);

      const res = await client.request('POST', '/api/v1/invitations', {
        email: 'delegate@example.org',
        participationId: p.id,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().emailed).toBe(true);
      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0];
      expect(mail.to).toEqual(['delegate@example.org']);
      expect(mail.from).toBe('parley@example.org');
      const text = unfoldMail(mail.raw);
      expect(text).toContain('Subject: Invitation: US-Pakistan Bilateral Dialogue');
      expect(text).toContain(res.json().link);
      expect(text).toContain('Round 2, Islamabad, Pakistan, 2026-04-05 to 2026-04-06');
      expect(text).toContain(
        `expires on ${res.json().expiresAt.slice(0, 16).replace('T', ' ')} UTC`,
      );
      expect(text).toContain('Dear colleague');
    });

    it('still answers with the link when the mail server is unreachable', async () => {
      const broken = smtpMailer('smtp://127.0.0.1:1', 'Parley <parley@example.org>');
      const t2 = await createTestApp(dialect, { mailer: broken });
      try {
        const series = await buildSeries(t2.deps.db.kysely);
        const admin = await buildUser(t2.deps.db.kysely, { is_admin: 1 });
        const client = await sessionClient(t2, admin.id);
        const res = await client.request('POST', '/api/v1/invitations', {
          email: 'x@example.org',
          seriesId: series.id,
          seriesRole: 'sponsor',
        });
        expect(res.statusCode).toBe(201);
        expect(res.json().emailed).toBe(false);
        expect(res.json().link).toContain('/invitations/');
      } finally {
        broken.close();
        await t2.close();
      }
    });
  });
}
