import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoId, SIMULATED_SESSION_POSITION } from '../../src/demo/document.ts';
import { DEMO_PASSWORD, loadDemo } from '../../src/demo/load.ts';
import { readPolisExport } from '../../src/polis/read.ts';
import { parseStoredAnalysis } from '../../src/server/presenters/analysis.presenter.ts';
import { createTestApp, loginAs, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  blankColumn,
  header,
  POLIS_COLUMNS,
  records,
  redDwarf,
  sensemaker,
  summaryRows,
  type PolisFiles,
} from '../support/polis-consumers.ts';

const fixture = join(import.meta.dirname, '../fixtures/polis/london.youth.policing');
const FILES = ['summary.csv', 'comments.csv', 'votes.csv', 'participants-votes.csv'];

async function readFolder(folder: string): Promise<PolisFiles> {
  const files: PolisFiles = {};
  for (const name of FILES) files[name] = await readFile(join(folder, name), 'utf8');
  return files;
}

describe('the consumer readers, on a real Polis export (the fixture)', () => {
  it('accept it as the consumers do, so their refusals below mean something', async () => {
    const files = await readFolder(fixture);
    const rd = redDwarf(files);
    expect(rd.statements.length).toBe(records(files['comments.csv']).length);
    expect(rd.votes.length).toBe(records(files['votes.csv']).length);
    const groups = Object.keys(sensemaker(files)[0].voteInfo);
    expect(groups).toEqual(['Group-1', 'Group-2', 'Group-3', 'Group-none']);
    expect(header(files['comments.csv'])).toEqual(POLIS_COLUMNS.comments);
    expect(header(files['votes.csv'])).toEqual(POLIS_COLUMNS.votes);
    expect(summaryRows(files['summary.csv']).map(([key]) => key)).toEqual(POLIS_COLUMNS.summary);
    expect(records(files['votes.csv'])[0].datetime).toMatch(POLIS_COLUMNS.datetime);
  });

  it('refuse what Parley used to write: blank timestamps and author ids', async () => {
    const files = await readFolder(fixture);
    expect(() =>
      redDwarf({ ...files, 'votes.csv': blankColumn(files['votes.csv'], 'timestamp') }),
    ).toThrow(/Vote.modified/);
    expect(() =>
      redDwarf({ ...files, 'comments.csv': blankColumn(files['comments.csv'], 'author-id') }),
    ).toThrow(/Statement.participant_id/);
  });
});

for (const dialect of testDialects()) {
  describe(`[${dialect}] the Polis export of the demo's simulated session, read by its consumers`, () => {
    let t: TestApp;
    let files: PolisFiles;
    let groupSizes: number[];
    const sessionId = demoId(`session:2:${SIMULATED_SESSION_POSITION}`);

    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
      await loadDemo(t.deps.db);
      const organiser = await loginAs(t, 'organiser@demo.parley.invalid', DEMO_PASSWORD);
      const res = await organiser.request('GET', `/api/v1/sessions/${sessionId}/export/polis`);
      expect(res.statusCode, res.body).toBe(200);
      files = res.json().files;
      const row = await t.deps.db.kysely
        .selectFrom('analysis_results')
        .selectAll()
        .where('session_id', '=', sessionId)
        .executeTakeFirstOrThrow();
      groupSizes = parseStoredAnalysis(row)!.analysis.groups.map((g) => g.members.length);
    });
    afterAll(() => t.close());

    it("has Polis's own columns and summary rows, every one filled", () => {
      expect(header(files['comments.csv'])).toEqual(POLIS_COLUMNS.comments);
      expect(header(files['votes.csv'])).toEqual(POLIS_COLUMNS.votes);
      const wide = header(files['participants-votes.csv']);
      expect(wide.slice(0, 6)).toEqual(POLIS_COLUMNS.participantsVotes);
      expect(wide.slice(6)).toEqual(records(files['comments.csv']).map((c) => c['comment-id']));
      const summary = Object.fromEntries(summaryRows(files['summary.csv']));
      expect(Object.keys(summary)).toEqual(POLIS_COLUMNS.summary);
      expect(summary).toMatchObject({
        views: '25',
        voters: '25',
        'voters-in-conv': '25',
        comments: '18',
        groups: '3',
        // Chatham House: how many people wrote is part of who wrote what (docs/outcomes.md).
        commenters: '',
      });
      expect(summary.url).toMatch(new RegExp(`/app/sessions/${sessionId}/analysis$`));
      expect(summary['conversation-description']).toMatch(/round 2 \(Islamabad\)/);
      expect(groupSizes.sort()).toEqual([7, 9, 9]);
    });

    it('puts one instant, epoch milliseconds, on every row: no order of writing or voting shows', () => {
      const rows = [...records(files['comments.csv']), ...records(files['votes.csv'])];
      expect(rows.length).toBe(18 + 430);
      const instants = new Set(rows.map((r) => r.timestamp));
      expect(instants.size).toBe(1);
      const [instant] = instants;
      // The demo's session has no scheduled end: the end of round 2's last day (2026-04-06).
      expect(Number(instant)).toBe(Date.parse('2026-04-06T23:59:59.000Z'));
      expect(new Set(rows.map((r) => r.datetime))).toEqual(
        new Set(['Mon Apr 06 23:59:59 UTC 2026']),
      );
      expect(rows[0].datetime).toMatch(POLIS_COLUMNS.datetime);
    });

    it('gives every comment the integer author-id 25, which no voter has, so n-comments stays true', () => {
      const comments = records(files['comments.csv']);
      expect(new Set(comments.map((c) => c['author-id']))).toEqual(new Set(['25']));
      const voters = records(files['participants-votes.csv']);
      expect(voters.map((v) => v.participant).sort((a, b) => +a - +b)).toEqual(
        Array.from({ length: 25 }, (_, i) => String(i)),
      );
      for (const v of voters) {
        expect(v['n-comments']).toBe('0');
        const cells = records(files['participants-votes.csv'])
          .filter((r) => r.participant === v.participant)
          .flatMap((r) => Object.entries(r).filter(([k, x]) => /^\d+$/.test(k) && x !== ''));
        expect(Number(v['n-votes'])).toBe(cells.length);
        expect(Number(v['n-agree'])).toBe(cells.filter(([, x]) => x === '1').length);
        expect(Number(v['n-disagree'])).toBe(cells.filter(([, x]) => x === '-1').length);
      }
    });

    it("Sensemaker (process_polis_data.py, then getCommentsFromCsv) sees Parley's three groups and every tally", () => {
      const comments = records(files['comments.csv']);
      for (const excludeUngrouped of [false, true]) {
        const read = sensemaker(files, { excludeUngrouped });
        expect(read.map((c) => c.id)).toEqual(comments.map((c) => c['comment-id']));
        for (const c of read) {
          expect(Object.keys(c.voteInfo)).toEqual(['Group-1', 'Group-2', 'Group-3']);
          const written = comments.find((x) => x['comment-id'] === c.id)!;
          const sum = (key: 'agrees' | 'disagrees') =>
            Object.values(c.voteInfo).reduce((n, t) => n + t[key], 0);
          expect(sum('agrees')).toBe(Number(written.agrees));
          expect(sum('disagrees')).toBe(Number(written.disagrees));
          expect(c.text).toBe(written['comment-body']);
        }
      }
    });

    it('red-dwarf (Loader on votes.csv and comments.csv) validates every row, and its tallies match', () => {
      const { votes, statements } = redDwarf(files);
      expect(votes.length).toBe(430);
      expect(statements.length).toBe(18);
      const instant = Date.parse('2026-04-06T23:59:59.000Z');
      expect(
        new Set([...votes.map((v) => v.modified), ...statements.map((s) => s.created)]),
      ).toEqual(new Set([instant]));
      for (const s of statements) {
        const mine = votes.filter((v) => v.statement_id === s.statement_id);
        expect(s.agree_count).toBe(mine.filter((v) => v.vote === 1).length);
        expect(s.disagree_count).toBe(mine.filter((v) => v.vote === -1).length);
        expect(votes.some((v) => v.participant_id === s.participant_id)).toBe(false);
      }
      // One vote per participant and statement: red-dwarf's duplicate filter drops nothing.
      expect(new Set(votes.map((v) => `${v.participant_id}:${v.statement_id}`)).size).toBe(430);
    });

    it("reads back through Parley's own Polis reader with the groups kept", async () => {
      const folder = await mkdtemp(join(tmpdir(), 'parley-polis-consumers-'));
      try {
        for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
        const polis = await readPolisExport(folder);
        expect(polis.summary.groups).toBe('3');
        expect(polis.polisGroups.size).toBe(25);
        const sizes = new Map<string, number>();
        for (const g of polis.polisGroups.values()) sizes.set(g, (sizes.get(g) ?? 0) + 1);
        expect([...sizes.keys()].sort()).toEqual(['0', '1', '2']);
        expect([...sizes.values()].sort()).toEqual([7, 9, 9]);
        expect(polis.table.value.length).toBe(430);
        expect(new Set(polis.table.at)).toEqual(new Set([Date.parse('2026-04-06T23:59:59.000Z')]));
        expect(polis.comments.every((c) => c.authorId === '25')).toBe(true);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });
  });
}
