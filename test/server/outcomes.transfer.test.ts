import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../src/server/transfer/document.ts';
import { buildSeriesDocument } from '../../src/server/transfer/export.ts';
import { importSeries, parseSeriesDocumentText } from '../../src/server/transfer/import.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';
import {
  buildOutcomesRoom,
  everyoneVotes,
  laterRound,
  seed,
  storeAnalysis,
  type OutcomesRoom,
} from './outcomes.fixture.ts';

const OUTCOME_KEYS = [
  'outcomeItems',
  'outcomeEvidence',
  'conclusions',
  'conclusionEndorsements',
  'rapporteurReports',
  'rapporteurReportComments',
  'outcomeRevisions',
  'recommendations',
  'recommendationStatusChanges',
  'recommendationCarries',
  'statementRepeats',
];

for (const dialect of testDialects()) {
  describe(`[${dialect}] outcomes in the series document`, () => {
    let t: TestApp;
    let room: OutcomesRoom;
    let target: TestDatabase;
    let text: string;

    /** Every outcome table gets at least one row, made through the API. */
    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
      room = await buildOutcomesRoom(t);
      const [rapporteur] = room.rapporteurs;
      const ok = async (res: Promise<{ statusCode: number; body: string }>) =>
        expect((await res).statusCode, (await res).body).toBeLessThan(300);
      const statement = await seed(room, room.sessionId, 'Open a hotline');
      await everyoneVotes(room, room.sessionId, statement, 1, -1);
      await storeAnalysis(t, room.sessionId);
      const round = `/api/v1/rounds/${room.roundId}`;
      await ok(
        rapporteur.client.request('POST', `${round}/outcome-items`, {
          sessionId: room.sessionId,
          type: 'idea',
          title: 'Hotline',
          body: 'Open one.',
          statementIds: [statement],
        }),
      );
      await ok(
        rapporteur.client.request('PUT', `${round}/conclusions`, {
          baseVersion: 0,
          body: 'Continuity of engagement.',
        }),
      );
      await ok(
        room.heads[0].client.request('POST', `${round}/conclusions/endorsements`, { version: 1 }),
      );
      await ok(
        rapporteur.client.request('PUT', `${round}/rapporteur-report`, {
          baseVersion: 0,
          body: 'Candid talks.',
        }),
      );
      await ok(
        rapporteur.client.request('POST', `${round}/rapporteur-report/review`, {
          reviewEndsAt: '2999-01-01T00:00:00Z',
        }),
      );
      await ok(
        room.participants[0].client.request('POST', `${round}/rapporteur-report/comments`, {
          body: 'Fine by me.',
        }),
      );
      const recommendation = (
        await rapporteur.client.request('POST', `${round}/recommendations`, {
          title: 'Visa desk',
          addressees: ['US State Department'],
        })
      ).json();
      await ok(
        rapporteur.client.request('POST', `/api/v1/recommendations/${recommendation.id}/status`, {
          status: 'agreed',
          on: '2026-04-06',
          evidence: { text: 'Closing plenary.' },
        }),
      );
      const later = await laterRound(t, room, 2);
      await ok(
        room.organiser.request('POST', `/api/v1/recommendations/${recommendation.id}/carry`, {
          roundId: later.roundId,
        }),
      );
      const again = await seed(room, later.sessionId, 'Open a hotline now');
      await ok(
        room.organiser.request('POST', `/api/v1/statements/${statement}/asked-again-as`, {
          statementId: again,
        }),
      );
      text = serializeDocument(await buildSeriesDocument(t.deps.db.kysely, room.seriesId));
      target = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await target.drop();
      await t.close();
    });

    it('carries every outcome table, and an export of the import is identical', async () => {
      const doc = JSON.parse(text);
      for (const key of OUTCOME_KEYS) expect(doc[key]?.length, key).toBeGreaterThan(0);
      await importSeries(target.db.kysely, parseSeriesDocumentText(text));
      expect(serializeDocument(await buildSeriesDocument(target.db.kysely, room.seriesId))).toBe(
        text,
      );
      const codes = await target.db.kysely.selectFrom('recommendations').select('number').execute();
      expect(codes).toEqual([{ number: 1 }]);
    });

    it('refuses a document whose evidence link or website is not http(s), naming the path', () => {
      const doc = JSON.parse(text);
      doc.recommendationStatusChanges[0].evidenceUrl = 'javascript:alert(1)';
      doc.organisations = [
        {
          id: 'org-1',
          name: 'Peace Institute',
          shortName: 'PI',
          country: '',
          website: 'data:text/html,x',
          createdAt: '2026-01-01T00:00:00.000Z',
        },
      ];
      expect(() => parseSeriesDocumentText(JSON.stringify(doc))).toThrow(
        expect.objectContaining({
          problems: expect.arrayContaining([
            { path: 'organisations[0].website', message: expect.any(String) },
            {
              path: 'recommendationStatusChanges[0].evidenceUrl',
              message: 'must be an http or https URL',
            },
          ]),
        }),
      );
    });
  });
}
