import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvBytes } from '../../src/polis/csv-bytes.ts';
import { CsvError, parseCsv } from '../../src/polis/csv.ts';
import { readPolisExport } from '../../src/polis/read.ts';
import { writePolisExport } from '../../src/polis/write.ts';
import { csvField } from '../../src/polis/csv-cells.ts';

const fixtures = join(import.meta.dirname, '../fixtures/polis');
const scratch = await mkdtemp(join(tmpdir(), 'parley-polis-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function rows(text: string, chunkSize = 3) {
  async function* chunks() {
    for (let i = 0; i < text.length; i += chunkSize) yield text.slice(i, i + chunkSize);
  }
  const out: { line: number; fields: string[] }[] = [];
  for await (const batch of parseCsv(chunks(), 'x.csv')) out.push(...batch);
  return out;
}

/** The byte-level reader over `text` cut into chunks of `chunkSize` bytes: rows as { line, fields }. */
async function byteRows(text: string, chunkSize = 3) {
  const bytes = new TextEncoder().encode(text);
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.slice(i, i + chunkSize);
  }
  const out: { line: number; fields: string[] }[] = [];
  await parseCsvBytes(chunks(), 'x.csv', (row) =>
    out.push({ line: row.line, fields: row.texts() }),
  );
  return out;
}

async function folder(name: string, files: Record<string, string>): Promise<string> {
  const path = join(scratch, name);
  await mkdir(path, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(path, file), text);
  return path;
}

const COMMENTS =
  'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,x,0,1,0,0,1,First\n2,x,1,1,0,0,-1,Rejected\n';

describe('CSV reader', () => {
  it('handles BOM, CRLF, quoted commas, doubled quotes and newlines inside quotes, across chunk boundaries', async () => {
    const parsed = await rows('\uFEFFa,b,c\r\n1,"x, y",3\r\n2,"say ""hi""\r\nthere",4\r\n\r\n5,,6');
    expect(parsed).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', '3'] },
      { line: 3, fields: ['2', 'say "hi"\r\nthere', '4'] },
      { line: 6, fields: ['5', '', '6'] },
    ]);
    expect(await rows('a,b\n1,2\n', 1000)).toEqual(await rows('a,b\n1,2\n', 1));
  });

  it('reports an unterminated quote with file and line', async () => {
    await expect(rows('a,b\n1,"open\n2,3\n')).rejects.toThrow(/x\.csv:2: unterminated/);
  });

  it('the byte-level reader gives the same rows as the text reader, whatever the chunk size', async () => {
    const tricky =
      '\uFEFFa,b,c\r\n1,"x, y",3\r\n2,"say ""hi""\r\nthere",4\r\n\r\n5,,6\n"é€",naïve,""\n7,8,9\r';
    const expected = await rows(tricky, 1000);
    expect(expected[4]).toEqual({ line: 7, fields: ['é€', 'naïve', ''] });
    for (const size of [1, 2, 3, 5, 8, 1000])
      expect(await byteRows(tricky, size)).toEqual(expected);
    expect(await byteRows('a,b\n1,2', 1)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('the byte-level reader reports an unterminated quote or text after a closing quote with file and line', async () => {
    for (const size of [1, 4, 1000]) {
      await expect(byteRows('a,b\n1,"open\n2,3\n', size)).rejects.toThrow(/x\.csv:2: unterminated/);
      await expect(byteRows('a,b\n1,2\n"x"y,3\n', size)).rejects.toThrow(
        /x\.csv:3: unexpected text after a closing quote/,
      );
    }
  });

  it('reads votes, ids and numbers straight from the bytes', async () => {
    const fields: { vote: number[]; id: number[]; n: number[] }[] = [];
    const bytes = new TextEncoder().encode('1,0,-1,2, 1,,"1"\n17,017,0,-3,x,1700000000123,1.5\n');
    async function* once() {
      yield bytes;
    }
    await parseCsvBytes(once(), 'x.csv', (row) =>
      fields.push({
        vote: [0, 1, 2, 3, 4, 5, 6].map((i) => row.vote(i)),
        id: [0, 1, 2, 3, 4].map((i) => row.canonicalInteger(i)),
        n: [0, 5, 6].map((i) => row.number(i)),
      }),
    );
    expect(fields[0].vote).toEqual([1, 0, -1, NaN, 1, NaN, 1]);
    expect(fields[0].id).toEqual([1, 0, -1, 2, -1]);
    expect(fields[1].id).toEqual([17, -1, 0, -1, -1]);
    expect(fields[1].n).toEqual([17, 1700000000123, 1.5]);
  });
});

describe('Polis export reader', () => {
  it('reads the fixture: summary, moderated-out comments, Polis groups, participants in id order', async () => {
    const data = await readPolisExport(join(fixtures, 'london.youth.policing'));
    expect(data.voteSource).toBe('votes.csv');
    expect(data.summary.topic).toMatch(/young people/);
    expect(data.table.statements.some((s) => s.moderatedOut)).toBe(true);
    expect(data.polisGroups.size).toBe(24);
    const ids = data.table.participants.map(Number);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('a bad vote value names the file and line', async () => {
    const path = await folder('bad-vote', {
      'comments.csv': COMMENTS,
      'votes.csv': 'timestamp,datetime,comment-id,voter-id,vote\r\n1,x,0,7,1\r\n2,x,1,7,2\r\n',
    });
    await expect(readPolisExport(path)).rejects.toThrow(CsvError);
    await expect(readPolisExport(path)).rejects.toThrow(
      'votes.csv:3: vote value "2" is not -1, 0 or 1',
    );
  });

  it('missing columns name the file and the columns', async () => {
    const path = await folder('missing-column', {
      'comments.csv': COMMENTS,
      'votes.csv': 'timestamp,comment-id,vote\n1,0,1\n',
    });
    await expect(readPolisExport(path)).rejects.toThrow('votes.csv:1: missing column(s): voter-id');
  });

  it('falls back to participants-votes.csv when votes.csv is missing', async () => {
    const path = await folder('wide-only', {
      'comments.csv': COMMENTS,
      'participants-votes.csv':
        'participant,xid,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n3,,1,0,2,1,0,1,0\n5,,,0,1,0,1,-1,\n',
    });
    const data = await readPolisExport(path);
    expect(data.voteSource).toBe('participants-votes.csv');
    expect(data.table.participants).toEqual(['3', '5']);
    expect(Array.from(data.table.value)).toEqual([1, 0, -1]);
    expect([...data.polisGroups]).toEqual([['3', '1']]);
  });

  it('write then read gives the same export (headers and signs as Polis)', async () => {
    const original = await readPolisExport(join(fixtures, 'brexit-consensus'));
    const out = join(scratch, 'round-trip');
    await writePolisExport(out, original);
    const again = await readPolisExport(out);
    expect(again.summary).toEqual(original.summary);
    expect(again.comments).toEqual(original.comments);
    expect(again.table.participants).toEqual(original.table.participants);
    expect(again.table.statements).toEqual(original.table.statements);
    expect(Array.from(again.table.value)).toEqual(Array.from(original.table.value));
    expect(Array.from(again.table.statement)).toEqual(Array.from(original.table.statement));
    expect(Array.from(again.table.at ?? [])).toEqual(Array.from(original.table.at ?? []));
    expect(again.polisGroups).toEqual(original.polisGroups);
  });

  it('neutralises would-be formulas in text cells, keeps numbers as numbers, and reads its own files back exactly', async () => {
    const original = await readPolisExport(join(fixtures, 'brexit-consensus'));
    const formulas = ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'];
    // Text that already starts with quotes before such a character, and harmless quotes.
    const quoted = ["'=already quoted", "''-twice", "'plain", "it's fine"];
    const bodies = [...formulas, ...quoted];
    const data = {
      ...original,
      summary: { ...original.summary, topic: '=cmd|" /C calc"!A0', groups: '-1' },
      comments: original.comments.map((c, i) =>
        i < bodies.length ? { ...c, body: bodies[i], moderated: i === 0 ? -1 : c.moderated } : c,
      ),
    };
    const out = join(scratch, 'formulas');
    await writePolisExport(out, data);

    const raw = async (file: string) => rows(await readFile(join(out, file), 'utf8'), 1 << 16);
    const comments = await raw('comments.csv');
    const written = comments.slice(1, bodies.length + 1).map((r) => r.fields[7]);
    expect(written).toEqual([
      ...formulas.map((f) => `'${f}`),
      ...quoted.slice(0, 2).map((q) => `'${q}`),
      ...quoted.slice(2),
    ]);
    expect(comments.map((r) => r.fields[6])).toContain('-1'); // moderated out, still a number
    const summary = Object.fromEntries((await raw('summary.csv')).map((r) => r.fields));
    expect(summary.topic).toBe(`'=cmd|" /C calc"!A0`);
    for (const row of (await raw('votes.csv')).slice(1))
      expect(row.fields[4]).toMatch(/^(-1|0|1)$/);
    const wide = (await raw('participants-votes.csv')).slice(1).flatMap((r) => r.fields.slice(6));
    expect(wide).toContain('-1');
    expect(wide.every((cell) => /^(-1|0|1|)$/.test(cell))).toBe(true);

    const again = await readPolisExport(out);
    expect(again.comments).toEqual(data.comments);
    expect(again.summary).toEqual(data.summary);
    expect(Array.from(again.table.value)).toEqual(Array.from(original.table.value));
  });

  it('writes a number as it is, and text with a leading formula character behind a quote', () => {
    expect([-1, -2.5, 0, 1700000000123].map(csvField)).toEqual([
      '-1',
      '-2.5',
      '0',
      '1700000000123',
    ]);
    expect(['-1', '=1+1', '@x', 'a,b', '\r=x'].map(csvField)).toEqual([
      "'-1",
      "'=1+1",
      "'@x",
      '"a,b"',
      '"\'\r=x"',
    ]);
  });
});
