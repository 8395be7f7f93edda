import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/polis/csv.ts';
import { readPolisExport } from '../../src/polis/read.ts';
import { polisFiles } from '../../src/server/services/exports.polis.ts';

/** A CSV file's cells as written, before the reader takes any quote off. */
async function cells(text: string): Promise<string[][]> {
  async function* once() {
    yield text;
  }
  const out: string[][] = [];
  for await (const batch of parseCsv(once(), 'x.csv')) out.push(...batch.map((r) => r.fields));
  return out;
}

describe("a session's Polis export against formula injection", () => {
  const texts = ['=HYPERLINK("http://x","click")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', 'Plain'];
  const source = {
    title: '=cmd|" /C calc"!A0',
    statements: texts.map((text, j) => ({ id: `s${j}`, text, status: 'approved' })),
    votes: texts.map((_, j) => ({ participation_id: 'p', statement_id: `s${j}`, value: -1 })),
  };

  it('quotes every would-be formula in summary.csv and comments.csv; votes of -1 stay numbers', async () => {
    const files = await polisFiles(source);
    const summary = Object.fromEntries(await cells(files['summary.csv']));
    expect(summary.topic).toBe(`'=cmd|" /C calc"!A0`);
    const bodies = (await cells(files['comments.csv'])).slice(1).map((r) => r[7]);
    expect(bodies).toEqual([...texts.slice(0, -1).map((t) => `'${t}`), 'Plain']);
    for (const file of ['comments.csv', 'votes.csv', 'participants-votes.csv', 'summary.csv'])
      for (const row of await cells(files[file]))
        for (const cell of row) expect(cell, `${file}: ${cell}`).not.toMatch(/^[=+@\t\r]|^-(?!1$)/);
    expect((await cells(files['votes.csv'])).slice(1).map((r) => r[4])).toEqual(
      texts.map(() => '-1'),
    );
    expect((await cells(files['participants-votes.csv']))[1].slice(6)).toEqual(
      texts.map(() => '-1'),
    );
  });

  it("reads back through Parley's Polis reader with the texts and votes unchanged", async () => {
    const folder = await mkdtemp(join(tmpdir(), 'parley-polis-formulas-'));
    try {
      for (const [name, text] of Object.entries(await polisFiles(source)))
        await writeFile(join(folder, name), text);
      const polis = await readPolisExport(folder);
      expect(polis.summary.topic).toBe(source.title);
      expect(polis.comments.map((c) => c.body)).toEqual(texts);
      expect(Array.from(polis.table.value)).toEqual(texts.map(() => -1));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe("a session's Polis export: groups, authors and times", () => {
  /** Participants p0..p11 voting on two statements; groups of 6, 2 and 4 members. */
  const participants = Array.from({ length: 12 }, (_, i) => `p${i}`);
  const source = {
    title: 'Room',
    instant: Date.parse('2026-04-06T23:59:59.000Z'),
    statements: [
      { id: 's0', text: 'One', status: 'approved', author: 'p3' },
      { id: 's1', text: 'Two', status: 'approved', author: 'outsider' },
      { id: 's2', text: 'Seeded', status: 'approved', author: null },
    ],
    votes: participants.flatMap((p) => [
      { participation_id: p, statement_id: 's0', value: 1 },
      { participation_id: p, statement_id: 's1', value: -1 },
    ]),
    analysis: {
      inConv: 12,
      groups: [
        { id: 0, members: participants.slice(0, 6) },
        { id: 1, members: participants.slice(6, 8) },
        { id: 2, members: participants.slice(8) },
      ],
    },
  };
  const wide = async (files: Record<string, string>) =>
    (await cells(files['participants-votes.csv'])).slice(1);
  const summaryOf = async (files: Record<string, string>) =>
    Object.fromEntries(await cells(files['summary.csv']));

  it('names a group only with at least k members, renumbered from 0; members of smaller ones get a blank', async () => {
    const files = await polisFiles({ ...source, k: 3 });
    const groups = (await wide(files)).map((r) => r[1]);
    expect(groups.filter((g) => g === '0')).toHaveLength(6);
    expect(groups.filter((g) => g === '1')).toHaveLength(4);
    expect(groups.filter((g) => g === '')).toHaveLength(2);
    expect((await summaryOf(files)).groups).toBe('2');
    // The series default (5) names only the group of 6; a k under 3 counts as 3.
    const byDefault = (await wide(await polisFiles(source))).map((r) => r[1]);
    expect(byDefault.filter((g) => g !== '')).toEqual(Array(6).fill('0'));
    const atLeast3 = (await wide(await polisFiles({ ...source, k: 1 }))).map((r) => r[1]);
    expect(atLeast3.filter((g) => g === '')).toHaveLength(2);
  });

  it('sealed authors: every comment has author-id n, which no voter has; commenters is blank', async () => {
    const files = await polisFiles(source);
    const comments = (await cells(files['comments.csv'])).slice(1);
    expect(comments.map((r) => r[3])).toEqual(['12', '12', '12']);
    expect(new Set(comments.map((r) => r[0]))).toEqual(new Set([String(source.instant)]));
    expect((await wide(files)).every((r) => r[2] === '0')).toBe(true);
    expect((await summaryOf(files)).commenters).toBe('');
  });

  it('on the record, each author gets a number from n+1 on, never a voter number; seeded statements get n', async () => {
    const files = await polisFiles({ ...source, authorsNamed: true });
    const authors = (await cells(files['comments.csv'])).slice(1).map((r) => r[3]);
    expect(new Set(authors.slice(0, 2))).toEqual(new Set(['13', '14']));
    expect(authors[2]).toBe('12');
    expect((await wide(files)).every((r) => r[2] === '0')).toBe(true);
    expect((await summaryOf(files)).commenters).toBe('2');
  });
});
