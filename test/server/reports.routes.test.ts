import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publicClient, signIn, type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { newId } from '../../src/server/ids.ts';
import { buildMember, buildUser, sessionClient } from '../support/factories.ts';
import { buildReportableRound } from './reports.fixture.ts';

type Text = {
  headline: string;
  sections: Array<{ key: string; heading: string; markdown: string }>;
};
const all = (text: Text) =>
  [text.headline, ...text.sections.map((s) => `${s.heading}\n${s.markdown}`)].join('\n');

for (const dialect of testDialects()) {
  describe(`[${dialect}] public report routes`, () => {
    let t: TestApp;
    let admin: Client;
    let fixture: Awaited<ReturnType<typeof buildReportableRound>>;
    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
      admin = await signIn(t, { isAdmin: true });
      fixture = await buildReportableRound(t.deps.db.kysely);
    });
    afterAll(() => t.close());

    describe('#reports.compose', () => {
      it('composes every public fact in English, without attributing anything to anyone', async () => {
        const res = await admin.request(
          'POST',
          `/api/v1/rounds/${fixture.round.id}/report/compose`,
        );
        expect(res.statusCode).toBe(201);
        const report = res.json();
        expect(report).toMatchObject({ status: 'draft', version: 1, publishedVersion: 0 });
        const en = report.text.en as Text;
        expect(en.headline).toBe(
          'Third round of the North-South Dialogue held in Harbour Hall, Southbay on June 1-3.',
        );
        const text = all(en);
        expect(text).toContain(
          'The first round of this series of interactions was held in Northport on February 10-11 earlier this year.',
        );
        expect(text).toContain(
          'an initiative of the Peace Institute (PI) and it is being implemented in collaboration with the Partner Centre.',
        );
        expect(text).toContain(
          'made possible through the generous support and encouragement of the Friendly Foundation.',
        );
        expect(text).toContain(
          'under the umbrella theme of “Water & Peace”. In addition to the inaugural session, two working sessions were held',
        );
        expect(text).toContain('- Rivers – who shares what?\n- Trade after the floods');
        expect(text).toContain(
          'The delegates from Northland included Ambassador Nora North (head of delegation) and Ned Nolan. Southland was represented by Dr. Sara South.',
        );
        expect(text).toContain(
          'another nine people representing a variety of backgrounds attended the three days of deliberations. They included four former diplomats, three economists and two others.',
        );
        // Nobody but the delegates is named; a declined delegate and the rapporteur are not either.
        expect(text).not.toMatch(/Secret Attendee|Declan|Rhea|academic|media/);
      });
      it('composes the Urdu draft with Urdu ordinals and dates formatted for ur-PK', async () => {
        const report = (
          await admin.request('GET', `/api/v1/rounds/${fixture.round.id}/report`)
        ).json();
        const ur = report.text.ur as Text;
        expect(ur.headline).toContain('کا تیسرا دور');
        expect(ur.headline).toContain('1–3 جون');
        expect(all(ur)).toContain('مزید 9 افراد');
      });
      it('is for organisers only: 403 for a sponsor, 404 for the public', async () => {
        const sponsor = await buildUser(t.deps.db.kysely);
        await buildMember(t.deps.db.kysely, {
          series_id: fixture.series.id,
          user_id: sponsor.id,
          role: 'sponsor',
        });
        const asSponsor = await sessionClient(t, sponsor.id);
        expect(
          (await asSponsor.request('POST', `/api/v1/rounds/${fixture.round.id}/report/compose`))
            .statusCode,
        ).toBe(403);
        const report = (
          await admin.request('GET', `/api/v1/rounds/${fixture.round.id}/report`)
        ).json();
        expect(
          (await publicClient(t).request('GET', `/api/v1/reports/${report.id}`)).statusCode,
        ).toBe(404);
        expect((await asSponsor.request('GET', `/api/v1/reports/${report.id}`)).statusCode).toBe(
          403,
        );
      });
      it('lists the approved outcome items and agreed recommendations with their R-ids, nothing else', async () => {
        const db = t.deps.db.kysely;
        const other = await buildReportableRound(db, { title: 'Outcome Dialogue' });
        const session = await db
          .selectFrom('sessions')
          .select('id')
          .where('round_id', '=', other.round.id)
          .where('kind', '=', 'working')
          .executeTakeFirstOrThrow();
        const at = new Date().toISOString();
        const item = (type: string, title: string, visibility: string, n: number) => ({
          id: newId(),
          round_id: other.round.id,
          session_id: session.id,
          type,
          title,
          body: '',
          visibility,
          version: 1,
          created_by: null,
          created_at: `${at.slice(0, 20)}${n}Z`,
          updated_at: at,
        });
        await db
          .insertInto('outcome_items')
          .values([
            item('idea', 'Joint river commission', 'public', 1),
            item('mechanism', 'Hotline between water ministries', 'public', 2),
            item('area_of_convergence', 'Both value the treaty', 'public', 3),
            item('area_of_divergence', 'Dam building upstream', 'public', 4),
            item('idea', 'A draft nobody approved', 'draft', 5),
            item('information_gap', 'Flow data are missing', 'public', 6),
          ])
          .execute();
        const recommendation = (number: number, title: string, status: string) => ({
          id: newId(),
          round_id: other.round.id,
          number,
          session_id: null,
          title,
          body: '',
          addressees: '[]',
          status,
          created_by: null,
          created_at: at,
          updated_at: at,
        });
        await db
          .insertInto('recommendations')
          .values([
            recommendation(1, 'Share flood warnings', 'agreed'),
            recommendation(2, 'Only proposed', 'proposed'),
          ])
          .execute();
        const en = (
          await admin.request('POST', `/api/v1/rounds/${other.round.id}/report/compose`)
        ).json().text.en as Text;
        const section = (key: string) => en.sections.find((s) => s.key === key);
        expect(section('ideas')).toEqual({
          key: 'ideas',
          heading: 'Ideas and mechanisms',
          markdown: '- Joint river commission\n- Hotline between water ministries',
        });
        expect(section('convergence')?.markdown).toBe('- Both value the treaty');
        expect(section('divergence')).toMatchObject({
          heading: 'Areas of divergence where more work is needed',
          markdown: '- Dam building upstream',
        });
        expect(section('recommendations')?.markdown).toBe('- **R3.1** Share flood warnings');
        expect(all(en)).not.toMatch(/nobody approved|Flow data|Only proposed/);
      });
      it('answers 404 for an unknown round', async () => {
        expect(
          (await admin.request('POST', '/api/v1/rounds/no-such-round/report/compose')).statusCode,
        ).toBe(404);
      });
    });

    describe('#reports.update, approve and publish', () => {
      let reportId: string;
      beforeAll(async () => {
        reportId = (await admin.request('GET', `/api/v1/rounds/${fixture.round.id}/report`)).json()
          .id;
      });

      it('refuses to publish without approval (409)', async () => {
        const res = await admin.request('POST', `/api/v1/reports/${reportId}/publish`, {});
        expect(res.statusCode).toBe(409);
        expect(res.json().detail).toContain('approved');
      });
      it('refuses a stale edit with 409 and keeps the newer text', async () => {
        const current = (await admin.request('GET', `/api/v1/reports/${reportId}`)).json();
        const edit = { ...current.text.en, headline: 'Edited headline' };
        const first = await admin.request('PATCH', `/api/v1/reports/${reportId}`, {
          baseVersion: current.version,
          en: edit,
        });
        expect(first.statusCode).toBe(200);
        expect(first.json().version).toBe(current.version + 1);
        const stale = await admin.request('PATCH', `/api/v1/reports/${reportId}`, {
          baseVersion: current.version,
          en: { ...edit, headline: 'Lost edit' },
        });
        expect(stale.statusCode).toBe(409);
        expect(stale.json().errors[0].field).toBe('body.baseVersion');
        expect(
          (await admin.request('GET', `/api/v1/reports/${reportId}`)).json().text.en.headline,
        ).toBe('Edited headline');
      });
      it('names the bad field of an edit', async () => {
        const current = (await admin.request('GET', `/api/v1/reports/${reportId}`)).json();
        const res = await admin.request('PATCH', `/api/v1/reports/${reportId}`, {
          baseVersion: current.version,
          en: { headline: '', sections: [] },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('body.en.headline');
        const none = await admin.request('PATCH', `/api/v1/reports/${reportId}`, {
          baseVersion: current.version,
        });
        expect(none.statusCode).toBe(400);
      });
      it('approves only the version read, publishes it as version 1 and marks the round', async () => {
        const current = (await admin.request('GET', `/api/v1/reports/${reportId}`)).json();
        expect(
          (
            await admin.request('POST', `/api/v1/reports/${reportId}/approve`, {
              version: current.version - 1,
            })
          ).statusCode,
        ).toBe(409);
        expect(
          (
            await admin.request('POST', `/api/v1/reports/${reportId}/approve`, {
              version: current.version,
            })
          ).json().status,
        ).toBe('approved');
        const published = await admin.request('POST', `/api/v1/reports/${reportId}/publish`, {});
        expect(published.statusCode).toBe(201);
        expect(published.json()).toMatchObject({ version: 1, correctionNote: '' });
        const round = (await admin.request('GET', `/api/v1/rounds/${fixture.round.id}`)).json();
        expect(round.status).toBe('report_published');
        expect(
          (await admin.request('POST', `/api/v1/reports/${reportId}/publish`, {})).statusCode,
        ).toBe(409);
      });
      it('publishes a correction as version 2, only with a note, and the page says so', async () => {
        const current = (await admin.request('GET', `/api/v1/reports/${reportId}`)).json();
        const edit = { ...current.text.en, headline: 'Corrected headline' };
        const edited = (
          await admin.request('PATCH', `/api/v1/reports/${reportId}`, {
            baseVersion: current.version,
            en: edit,
          })
        ).json();
        expect(edited.status).toBe('draft');
        await admin.request('POST', `/api/v1/reports/${reportId}/approve`, {
          version: edited.version,
        });
        const noNote = await admin.request('POST', `/api/v1/reports/${reportId}/publish`, {});
        expect(noNote.statusCode).toBe(400);
        expect(noNote.json().errors[0].field).toBe('body.correctionNote');
        const second = await admin.request('POST', `/api/v1/reports/${reportId}/publish`, {
          correctionNote: 'The headline named the wrong hall.',
        });
        expect(second.json()).toMatchObject({
          version: 2,
          correctionNote: 'The headline named the wrong hall.',
        });
        const page = await t.app.inject({ url: `/series/${fixture.series.slug}/rounds/3` });
        expect(page.body).toContain('Corrected headline');
        expect(page.body).toMatch(
          /Corrected on \d+ \w+ \d{4}: The headline named the wrong hall\./,
        );
        expect(page.body).toContain('Version 2, published on');
      });
    });
  });
}
