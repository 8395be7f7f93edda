import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoId } from '../../src/demo/document.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { DEMO_STATEMENTS } from '../../src/demo/room.ts';
import { createTestApp, signIn, type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

/**
 * The false-positive check on real texts: were every session of the demo's round 2 held under
 * Chatham House Rule Plus, its published report (composed, then edited by the organisers in
 * English and Urdu) quotes none of the 18 statements said there, so it is approved and published
 * again unchanged; a paragraph that does quote one is refused.
 */
for (const dialect of testDialects()) {
  describe(`[${dialect}] the demo's report under Chatham House Rule Plus`, () => {
    let t: TestApp;
    let admin: Client;
    const roundId = demoId('round:2');

    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
      await loadDemo(t.deps.db);
      admin = await signIn(t, { isAdmin: true });
      await t.deps.db.kysely
        .updateTable('sessions')
        .set({ attribution_rule: 'chatham_house_plus' })
        .where('round_id', '=', roundId)
        .execute();
    });
    afterAll(() => t.close());

    it('publishes the demo report again, and refuses a paragraph quoting a demo statement', async () => {
      const published = (await admin.request('GET', `/api/v1/rounds/${roundId}/report`)).json();
      expect(published.publishedVersion).toBe(1);
      const composed = await admin.request('POST', `/api/v1/rounds/${roundId}/report/compose`);
      expect(composed.statusCode, composed.body).toBe(201);
      expect(composed.body).not.toContain('not quoted');

      const quoting = await admin.request('PATCH', `/api/v1/reports/${published.id}`, {
        baseVersion: composed.json().version,
        en: {
          ...published.text.en,
          sections: [
            ...published.text.en.sections,
            { key: 'said', heading: '', markdown: DEMO_STATEMENTS[6]!.text },
          ],
        },
      });
      expect(quoting.statusCode).toBe(409);
      expect(quoting.json().errors[0].message).toMatch(/^reproduces statement 7 of session “/);

      const edited = await admin.request('PATCH', `/api/v1/reports/${published.id}`, {
        baseVersion: composed.json().version,
        en: published.text.en,
        ur: published.text.ur,
      });
      expect(edited.statusCode, edited.body).toBe(200);
      const approved = await admin.request('POST', `/api/v1/reports/${published.id}/approve`, {
        version: edited.json().version,
      });
      expect(approved.statusCode, approved.body).toBe(200);
      const again = await admin.request('POST', `/api/v1/reports/${published.id}/publish`, {
        correctionNote: 'Published again unchanged.',
      });
      expect(again.statusCode, again.body).toBe(201);
      expect(again.json().version).toBe(2);
    });
  });
}
