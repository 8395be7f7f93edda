import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoId } from '../../src/demo/document.ts';
import { DEMO_SERIES_SLUG, loadDemo } from '../../src/demo/load.ts';
import { DEMO_STATEMENTS, simulateVotes } from '../../src/demo/room.ts';
import type { Db } from '../../src/server/db/connect.ts';
import type { Database } from '../../src/server/db/schema.ts';
import { serializeDocument, TransferError } from '../../src/server/transfer/document.ts';
import { buildSeriesDocument, exportSeries } from '../../src/server/transfer/export.ts';
import { importSeries, parseSeriesDocumentText } from '../../src/server/transfer/import.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';
import { runParley, SEVERAL_PROCESSES_MS, tempDir } from './process.ts';

const at = '2026-04-05T10:00:00.000Z';
/** The demo's own simulated session (src/demo/room.ts), before seed() adds its rows. */
const demoRoom = { statements: DEMO_STATEMENTS, votes: simulateVotes() };

/** The demo plus deliberation rows (from fictional attendees only), so every table is exercised. */
async function seed(database: Db) {
  const db = database.kysely;
  await loadDemo(database, new Date(at));
  const session = demoId('session:2:1');
  const focal = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'focal-pk@demo.parley.invalid')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('participations')
    .set({ nominated_by: focal.id })
    .where('id', '=', demoId('participation:2:f03'))
    .execute();
  const author = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'participant@demo.parley.invalid')
    .executeTakeFirstOrThrow();
  const statement = (n: number, text: string, extra: Partial<Database['statements']> = {}) => ({
    id: demoId(`test-statement:${n}`),
    session_id: session,
    kind: 'idea',
    text,
    translation: '',
    language: 'en',
    author_user_id: author.id,
    author_participation_id: demoId('participation:2:f12'),
    origin: 'submitted',
    status: 'approved',
    rejection_reason: null,
    merged_into_id: null,
    is_meta: 0,
    position: n,
    created_at: at,
    updated_at: at,
    ...extra,
  });
  // Merged into a statement inserted after it: the self-reference must survive any insert order.
  await db
    .insertInto('statements')
    .values([
      statement(1, 'A fictional idea (test data).', {
        status: 'merged',
        merged_into_id: demoId('test-statement:2'),
      }),
      statement(2, 'Another fictional idea.'),
    ])
    .execute();
  await db
    .insertInto('statement_revisions')
    .values({
      id: demoId('test-revision:1'),
      statement_id: demoId('test-statement:2'),
      text: 'Another idea.',
      translation: '',
      edited_by: author.id,
      reason: 'typo',
      at,
    })
    .execute();
  await db
    .insertInto('votes')
    .values(
      ['f01', 'f12', 'f20'].map((who, i) => ({
        client_vote_id: `vote-${who}`,
        session_id: session,
        statement_id: demoId('test-statement:2'),
        participation_id: demoId(`participation:2:${who}`),
        value: [1, -1, 0][i],
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

const exportText = async (db: Kysely<Database>) =>
  serializeDocument(await buildSeriesDocument(db, DEMO_SERIES_SLUG));

for (const dialect of testDialects()) {
  describe(`[${dialect}] export and import`, () => {
    let source: TestDatabase;
    let text: string;
    const targets: TestDatabase[] = [];
    const emptyDatabase = async (d = dialect) => {
      const t = await createTestDatabase(d);
      targets.push(t);
      return t;
    };
    beforeAll(async () => {
      source = await createTestDatabase(dialect);
      await seed(source.db);
      text = serializeDocument(await exportSeries(source.db.kysely, DEMO_SERIES_SLUG));
    });
    afterAll(async () => {
      for (const t of targets) await t.drop();
      await source.drop();
    });

    it('writes a versioned document with every table of the series', () => {
      const doc = JSON.parse(text);
      expect(doc).toMatchObject({ format: 'parley.series', version: 1 });
      expect(Object.keys(doc)).toEqual([
        'format',
        'version',
        'series',
        'organisations',
        'organisationParts',
        'delegations',
        'people',
        'rounds',
        'sessions',
        'participations',
        'seriesMembers',
        'statements',
        'statementRevisions',
        'votes',
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
        'reports',
        'reportVersions',
        'reportComments',
        'accounts',
      ]);
      expect(doc.people).toHaveLength(37);
      expect(doc.votes).toHaveLength(demoRoom.votes.length + 3);
      expect(doc.seriesMembers.map((m: { userEmail: string }) => m.userEmail)).toContain(
        'focal-us@demo.parley.invalid',
      );
      expect(text).not.toMatch(/password|\$argon2/);
    });

    it('records the export in the audit log', async () => {
      const rows = await source.db.kysely
        .selectFrom('audit_log')
        .select(['action', 'series_id'])
        .where('action', '=', 'series.export')
        .execute();
      expect(rows).toEqual([{ action: 'series.export', series_id: demoId('series') }]);
    });

    it('export, import into an empty database, export again: byte-identical', async () => {
      const target = await emptyDatabase();
      const result = await importSeries(target.db.kysely, parseSeriesDocumentText(text));
      expect(result.counts).toMatchObject({
        rounds: 2,
        sessions: 5,
        participations: 37,
        statements: demoRoom.statements.length + 2,
        votes: demoRoom.votes.length + 3,
      });
      expect(await exportText(target.db.kysely)).toBe(text);
      // Accounts arrive without passwords, keeping their link to a person.
      const participant = await target.db.kysely
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'participant@demo.parley.invalid')
        .executeTakeFirstOrThrow();
      expect(participant.password_hash).toBeNull();
      expect(participant.person_id).toBe(demoId('person:f12'));
    });

    if (dialect === 'sqlite' && testDialects().includes('postgres')) {
      it('round-trips across dialects: SQLite → PostgreSQL → identical export', async () => {
        const target = await emptyDatabase('postgres');
        await importSeries(target.db.kysely, parseSeriesDocumentText(text));
        expect(await exportText(target.db.kysely)).toBe(text);
      });
    }

    it('refuses to import a series whose id or slug is already there', async () => {
      const error = await importSeries(source.db.kysely, parseSeriesDocumentText(text)).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(TransferError);
      expect(error.problems.map((p: { path: string }) => p.path)).toEqual([
        'series.id',
        'series.slug',
      ]);
      const renamed = JSON.parse(text);
      renamed.series.slug = 'another-slug';
      const byId = await importSeries(
        source.db.kysely,
        parseSeriesDocumentText(JSON.stringify(renamed)),
      ).catch((e) => e);
      expect(byId.problems.map((p: { path: string }) => p.path)).toEqual(['series.id']);
    });

    it('names the JSON path of every malformed value', () => {
      const doc = JSON.parse(text);
      doc.version = 2;
      doc.rounds[1].startsOn = 'April 5';
      doc.sessions[0].attributionRule = 'loud';
      doc.people[3].fullName = 42;
      const error = (() => {
        try {
          parseSeriesDocumentText(JSON.stringify(doc));
        } catch (e) {
          return e as TransferError;
        }
      })()!;
      expect(error).toBeInstanceOf(TransferError);
      expect(error.problems.map((p) => p.path).sort()).toEqual([
        'people[3].fullName',
        'rounds[1].startsOn',
        'sessions[0].attributionRule',
        'version',
      ]);
    });

    it('lists at most 50 problems and says how many more there are', () => {
      const doc = JSON.parse(text);
      for (const person of doc.people) person.fullName = 1;
      for (const participation of doc.participations) participation.role = 'spectator';
      const error = (() => {
        try {
          parseSeriesDocumentText(JSON.stringify(doc));
        } catch (e) {
          return e as TransferError;
        }
      })()!;
      expect(error.problems).toHaveLength(51);
      expect(error.problems[50]).toEqual({ path: '…', message: 'and 24 more problems' });
    });

    it('names the JSON path of a reference that goes nowhere, and refuses what is not JSON', () => {
      const doc = JSON.parse(text);
      doc.participations[4].personId = 'nobody';
      doc.seriesMembers[0].userEmail = 'stranger@example.org';
      const error = (() => {
        try {
          parseSeriesDocumentText(JSON.stringify(doc));
        } catch (e) {
          return e as TransferError;
        }
      })()!;
      expect(error.problems).toEqual([
        { path: 'participations[4].personId', message: "no id 'nobody' in people" },
        {
          path: 'seriesMembers[0].userEmail',
          message: "no account 'stranger@example.org' in accounts",
        },
      ]);
      expect(() => parseSeriesDocumentText('{"format": ')).toThrow(/not JSON/);
      expect(() => parseSeriesDocumentText('{"format": "something.else", "version": 1}')).toThrow(
        /format/,
      );
    });

    it('writes nothing when a row fails halfway through (one transaction)', async () => {
      const target = await emptyDatabase();
      const doc = JSON.parse(text);
      // Valid alone, but the same voter twice on one statement breaks a unique constraint in the last table.
      doc.votes.push({ ...doc.votes[0], clientVoteId: 'a-second-vote-by-the-same-voter' });
      const error = await importSeries(
        target.db.kysely,
        parseSeriesDocumentText(JSON.stringify(doc)),
      ).catch((e) => e);
      expect(error).toBeInstanceOf(TransferError);
      const count = (table: 'series' | 'people' | 'users') =>
        target.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
          .then((r) => Number(r.n));
      expect([await count('series'), await count('people'), await count('users')]).toEqual([
        0, 0, 0,
      ]);
    });
  });
}

describe('parley export / parley import (real processes, SQLite files)', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'export, import into an empty database, export again gives the same file',
    async () => {
      const source = { DATABASE_URL: `sqlite:${join(dir, 'source.sqlite')}` };
      const target = { DATABASE_URL: `sqlite:${join(dir, 'target.sqlite')}` };
      expect((await runParley(['demo'], source)).code).toBe(0);
      const first = await runParley(
        ['export', '--series', DEMO_SERIES_SLUG, '--out', join(dir, 'first.json')],
        source,
      );
      expect(first.code).toBe(0);
      const imported = await runParley(['import', join(dir, 'first.json')], target);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('rounds 2');
      const second = await runParley(['export', '--series', demoId('series')], target);
      expect(second.code).toBe(0);
      expect(second.stdout).toBe(readFileSync(join(dir, 'first.json'), 'utf8'));

      const again = await runParley(['import', join(dir, 'first.json')], target);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('series.slug');
      const unknown = await runParley(['export', '--series', 'no-such-series'], target);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("'no-such-series'");
    },
    SEVERAL_PROCESSES_MS,
  );
});
