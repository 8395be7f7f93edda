import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoId } from '../../src/demo/document.ts';
import { DEMO_SERIES_SLUG, loadDemo } from '../../src/demo/load.ts';
import type { Db } from '../../src/server/db/connect.ts';
import type { Database } from '../../src/server/db/schema.ts';
import { serializeDocument } from '../../src/server/transfer/document.ts';
import { buildSeriesDocument } from '../../src/server/transfer/export.ts';
import { importSeries, parseSeriesDocumentText } from '../../src/server/transfer/import.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';

const at = '2026-04-07T10:00:00.000Z';
const text = (headline: string) => JSON.stringify({ headline, sections: [] });

/** The demo's published report of round 2 with a correction, a public comment, a reply and a rejected one. */
async function seedReport(database: Db) {
  const db = database.kysely;
  await loadDemo(database, new Date(at));
  // The demo publishes round 2's report (version 1); a correction makes version 2.
  const report = await db
    .selectFrom('reports')
    .select('id')
    .where('round_id', '=', demoId('round:2'))
    .executeTakeFirstOrThrow();
  const reportId = report.id;
  await db
    .insertInto('report_versions')
    .values({
      id: demoId('test-report-version:2'),
      report_id: reportId,
      version: 2,
      text_en: text('v2'),
      text_ur: text('v2'),
      correction_note: 'Venue corrected.',
      published_by: null,
      published_at: at,
    })
    .execute();
  const comment = (n: number, extra: Partial<Database['report_comments']>) => ({
    id: demoId(`test-comment:${n}`),
    report_id: reportId,
    parent_id: null,
    author_name: `Reader ${n}`,
    author_email: `reader${n}@example.org`,
    body: `Comment ${n}`,
    status: 'approved',
    address_hash: `hash-of-address-${n}`,
    created_at: `2026-04-08T10:0${n}:00.000Z`,
    moderated_by: null,
    moderated_at: at,
    ...extra,
  });
  await db
    .insertInto('report_comments')
    .values([comment(1, {}), comment(3, { status: 'rejected' })])
    .execute();
  await db
    .insertInto('report_comments')
    .values(comment(2, { parent_id: demoId('test-comment:1') }))
    .execute();
}

for (const dialect of testDialects()) {
  describe(`[${dialect}] export and import of the public report`, () => {
    let source: TestDatabase;
    let target: TestDatabase;
    let exported = '';
    beforeAll(async () => {
      source = await createTestDatabase(dialect);
      target = await createTestDatabase(dialect);
      await seedReport(source.db);
      exported = serializeDocument(await buildSeriesDocument(source.db.kysely, DEMO_SERIES_SLUG));
    });
    afterAll(async () => {
      await source.drop();
      await target.drop();
    });

    it('carries the report, its published versions and its comments, without emails or address hashes', () => {
      const doc = JSON.parse(exported);
      expect(doc.reports).toHaveLength(1);
      expect(
        doc.reportVersions.map((v: { version: number; correctionNote: string }) => [
          v.version,
          v.correctionNote,
        ]),
      ).toEqual([
        [1, ''],
        [2, 'Venue corrected.'],
      ]);
      expect(
        doc.reportComments.map((c: { authorName: string; parentId: string | null }) => [
          c.authorName,
          c.parentId,
        ]),
      ).toEqual([
        ['Reader 1', null],
        ['Reader 2', demoId('test-comment:1')],
        ['Reader 3', null],
      ]);
      expect(doc.reportComments.every((c: { addressHash: string }) => c.addressHash === '')).toBe(
        true,
      );
      expect(exported).not.toContain('@example.org');
      expect(exported).not.toContain('hash-of-address');
    });

    it('imports into an empty database and exports the same file again', async () => {
      await importSeries(target.db.kysely, parseSeriesDocumentText(exported));
      const again = serializeDocument(
        await buildSeriesDocument(target.db.kysely, DEMO_SERIES_SLUG),
      );
      expect(again).toBe(exported);
      const comments = await target.db.kysely
        .selectFrom('report_comments')
        .select(['author_email', 'address_hash'])
        .execute();
      expect(comments).toHaveLength(3);
      expect(comments.every((c) => c.author_email === '' && c.address_hash === '')).toBe(true);
    });
  });
}
