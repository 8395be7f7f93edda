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
