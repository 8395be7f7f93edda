import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  buildQuotingRoom,
  expectQuotation,
  PLUS_SESSION,
  REVIEW,
  SEVEN,
  type QuotingRoom,
} from './quoting.fixture.ts';

const DAY = 24 * 3600 * 1000;
type Text = {
  headline: string;
  sections: Array<{ key: string; heading: string; markdown: string }>;
};
/** The text with its first paragraph (the organisers' own, keyed `said`) set to `markdown`. */
const withParagraph = (text: Text, markdown: string): Text => ({
  ...text,
  sections: [
    { key: 'said', heading: '', markdown },
    ...text.sections.filter((s) => s.key !== 'said'),
  ],
});

/** Chatham House Rule Plus in what is published: the rapporteur's report and the public report. */
for (const dialect of testDialects()) {
  describe(`[${dialect}] nothing quoted from a Chatham House Rule Plus session, in reports`, () => {
    let t: TestApp;
    let room: QuotingRoom;
    let clock = new Date('2026-04-07T09:00:00Z');

    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false, now: () => clock });
      room = await buildQuotingRoom(t);
    });
    afterAll(() => t.close());

    describe('the rapporteur’s report', () => {
      const url = () => `/api/v1/rounds/${room.roundId}/rapporteur-report`;
      const save = (baseVersion: number, body: string) =>
        room.rapporteurs[0].client.request('PUT', url(), { baseVersion, body });

      it('refuses saving, approving and publishing a text that quotes a statement', async () => {
        expectQuotation(
          room,
          await save(0, `# Report\n\nOne said: ${SEVEN}`),
          'body.body',
          2,
          'Open the Wagah border to all trade',
        );
        expect(
          (await save(0, '# Report\n\nThe talks should resume before the harvest.')).statusCode,
        ).toBe(200);
        const review = await room.rapporteurs[0].client.request('POST', `${url()}/review`, {
          reviewEndsAt: new Date(clock.getTime() + DAY).toISOString(),
        });
        expect(review.statusCode, review.body).toBe(200);
        clock = new Date(clock.getTime() + 2 * DAY);
        // Said after the text was saved and reviewed: approval is refused.
        const late = await room.say('The talks should resume before the harvest');
        expectQuotation(
          room,
          await room.organiser.request('POST', `${url()}/approval`),
          'body.body',
          late,
          'The talks should resume before the harvest',
        );
        expect(
          (await save(1, '# Report\n\nBoth sides hoped for a fourth round soon, in Lahore.'))
            .statusCode,
        ).toBe(200);
        expect((await room.organiser.request('POST', `${url()}/approval`)).statusCode).toBe(200);
        // Said after the approval: publication is refused.
        const later = await room.say('Hold a fourth round soon, in Lahore');
        expectQuotation(
          room,
          await room.organiser.request('POST', `${url()}/publication`),
          'body.body',
          later,
          'for a fourth round soon, in Lahore',
        );
      });
    });

    describe('the public report', () => {
      let id: string;
      const current = async () =>
        (await room.organiser.request('GET', `/api/v1/reports/${id}`)).json() as {
          version: number;
          text: { en: Text; ur: Text };
        };
      const patch = async (lang: 'en' | 'ur', markdown: string) => {
        const report = await current();
        return room.organiser.request('PATCH', `/api/v1/reports/${id}`, {
          baseVersion: report.version,
          [lang]: withParagraph(report.text[lang], markdown),
        });
      };
      const approve = async () =>
        room.organiser.request('POST', `/api/v1/reports/${id}/approve`, {
          version: (await current()).version,
        });

      beforeAll(async () => {
        const composed = await room.organiser.request(
          'POST',
          `/api/v1/rounds/${room.roundId}/report/compose`,
        );
        expect(composed.statusCode, composed.body).toBe(201);
        id = composed.json().id;
      });

      it('refuses the edit that quotes a statement (it was patch 200, approve 200, publish 201)', async () => {
        expectQuotation(
          room,
          await patch('en', `Participants said: “${SEVEN}”`),
          'body.en.sections.0.markdown',
          2,
          'Open the Wagah border to all trade',
        );
        expectQuotation(
          room,
          await patch('ur', `شرکاء نے کہا: ${REVIEW.translation}`),
          'body.ur.sections.0.markdown',
          3,
          REVIEW.translation.slice(0, -1),
        );
      });

      it('refuses approving and publishing a text that quotes a statement said since', async () => {
        expect(
          (await patch('en', 'Many urged a joint flood warning for both river basins.')).statusCode,
        ).toBe(200);
        const late = await room.say('A joint flood warning for both river basins');
        expectQuotation(
          room,
          await approve(),
          'body.en.sections.0.markdown',
          late,
          'a joint flood warning for both river basins',
        );

        expect(
          (await patch('en', 'Many urged shared seed banks in every district.')).statusCode,
        ).toBe(200);
        expect((await approve()).statusCode).toBe(200);
        const later = await room.say('Shared seed banks in every district');
        const publish = await room.organiser.request('POST', `/api/v1/reports/${id}/publish`, {});
        expectQuotation(
          room,
          publish,
          'body.en.sections.0.markdown',
          later,
          'shared seed banks in every district',
        );
      });

      it('composes a statement said after an outcome was approved as a reference by its number', async () => {
        const item = await room.rapporteurs[0].client.request(
          'POST',
          `/api/v1/rounds/${room.roundId}/outcome-items`,
          {
            sessionId: room.sessionId,
            type: 'idea',
            title: 'Fishermen',
            body: 'Release fishermen held at sea within one month.',
          },
        );
        expect(item.statusCode, item.body).toBe(201);
        expect(
          (
            await room.organiser.request(
              'POST',
              `/api/v1/outcome-items/${item.json().id}/visibility`,
              {
                visibility: 'public',
              },
            )
          ).statusCode,
        ).toBe(200);
        const late = await room.say('Release fishermen held at sea within one month');
        const composed = await room.organiser.request(
          'POST',
          `/api/v1/rounds/${room.roundId}/report/compose`,
        );
        expect(composed.statusCode, composed.body).toBe(201);
        const { en, ur } = composed.json().text as { en: Text; ur: Text };
        const ideas = (text: Text) => text.sections.find((s) => s.key === 'ideas')!.markdown;
        expect(ideas(en)).toBe(
          `- **Fishermen.** (statement ${late} of session “${PLUS_SESSION}”, not quoted: Chatham House Rule Plus).`,
        );
        expect(ideas(ur)).toContain(`اجلاس “${PLUS_SESSION}” کا بیان نمبر ${late}`);
        expect(JSON.stringify(composed.json())).not.toMatch(/fishermen held/i);
        // The composed text passes the check it is approved and published under.
        expect((await approve()).statusCode).toBe(200);
        expect(
          (await room.organiser.request('POST', `/api/v1/reports/${id}/publish`, {})).statusCode,
        ).toBe(201);
      });
    });
  });
}
