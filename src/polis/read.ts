import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { StatementInput, VoteTable } from '../analysis/types.ts';
import { restoreFormula } from './csv-cells.ts';
import { readCsvRows, type ByteRow } from './csv-bytes.ts';
import { columnsOf, CsvError, readCsvFile, type CsvRow, type ProgressCallback } from './csv.ts';
import { VoteColumns } from './vote-columns.ts';

/** One row of comments.csv. `moderated` is Polis's flag: -1 rejected, 0 unmoderated, 1 accepted. */
export interface PolisComment {
  readonly id: string;
  readonly body: string;
  readonly authorId: string;
  readonly moderated: number;
  readonly timestamp: string;
}

export interface PolisExport {
  readonly summary: Record<string, string>;
  readonly comments: PolisComment[];
  /** Votes as an engine-ready table (export sign: 1 = agree); statements follow numeric comment-id order. */
  readonly table: VoteTable;
  /** Polis's own opinion group per participant, from participants-votes.csv (unclustered people absent). */
  readonly polisGroups: Map<string, string>;
  /** Where the votes came from. */
  readonly voteSource: 'votes.csv' | 'participants-votes.csv' | 'none';
}

export interface ReadOptions {
  /** Called with (file, bytes read, file size) while streaming; the CLI draws a progress bar from it. */
  readonly onProgress?: (file: string, done: number, total: number) => void;
  /**
   * For an import: comments.csv must be there with unique comment ids and a body on every row,
   * and every vote must be on one of its comments; each breach is a CsvError with file and line.
   */
  readonly strict?: boolean;
  /** With `strict`: the longest comment-body accepted, in characters after trimming. */
  readonly maxCommentLength?: number;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Streams every row after the header; the header row itself is returned by the first call of
 * `onHeader`. Text fields come back without the quote Parley's writer puts before a formula.
 */
async function eachRow(
  path: string,
  onHeader: (header: CsvRow | undefined) => void,
  onRow: (row: CsvRow) => void,
  progress?: ProgressCallback,
) {
  let header: CsvRow | undefined;
  for await (const batch of readCsvFile(path, progress)) {
    for (const read of batch) {
      const row = { line: read.line, fields: read.fields.map(restoreFormula) };
      if (!header) {
        header = row;
        onHeader(header);
      } else onRow(row);
    }
  }
  if (!header) onHeader(undefined);
}

function voteOf(file: string, row: ByteRow, field: number): number {
  const value = row.vote(field);
  if (Number.isNaN(value))
    throw new CsvError(
      file,
      row.line,
      `vote value ${JSON.stringify(row.text(field))} is not -1, 0 or 1`,
    );
  return value;
}

/** An id field: its canonical integer (no string made) or its text; undefined when empty. */
function idOf(row: ByteRow, field: number): string | number | undefined {
  const n = row.canonicalInteger(field);
  if (n >= 0) return n;
  return row.isEmpty(field) ? undefined : restoreFormula(row.text(field));
}

/** Streams the rows of a large file as bytes, handing the header (as text) and every later row. */
async function eachByteRow(
  path: string,
  onHeader: (header: CsvRow | undefined) => number | void,
  onRow: (row: ByteRow) => void,
  progress?: ProgressCallback,
) {
  let seenHeader = false;
  await readCsvRows(
    path,
    (row) => {
      if (seenHeader) return onRow(row);
      seenHeader = true;
      // onHeader may say how many leading fields the later rows need.
      const fields = row.texts().map(restoreFormula);
      row.fieldLimit = onHeader({ line: row.line, fields }) ?? Infinity;
    },
    progress,
  );
  if (!seenHeader) onHeader(undefined);
}

async function readSummary(folder: string): Promise<Record<string, string>> {
  const path = join(folder, 'summary.csv');
  const summary: Record<string, string> = {};
  if (!(await exists(path))) return summary;
  for await (const batch of readCsvFile(path))
    for (const { fields } of batch)
      summary[restoreFormula(fields[0])] = restoreFormula(fields.slice(1).join(','));
  return summary;
}

async function readComments(
  folder: string,
  strict: boolean,
  maxLength = Infinity,
): Promise<PolisComment[]> {
  const file = 'comments.csv';
  const path = join(folder, file);
  if (!(await exists(path))) {
    if (strict) throw new CsvError(file, 0, 'missing (an import needs the comments)');
    return [];
  }
  const seen = new Set<string>();
  const comments: PolisComment[] = [];
  let at = { timestamp: -1, 'comment-id': -1, 'author-id': -1, moderated: -1, 'comment-body': -1 };
  await eachRow(
    path,
    (header) =>
      (at = columnsOf(file, header, [
        'timestamp',
        'comment-id',
        'author-id',
        'moderated',
        'comment-body',
      ])),
    (row) => {
      const id = row.fields[at['comment-id']];
      if (id === undefined || id === '') throw new CsvError(file, row.line, 'missing comment-id');
      if (strict) {
        if (seen.has(id)) throw new CsvError(file, row.line, `comment-id ${id} appears twice`);
        const body = row.fields[at['comment-body']]?.trim() ?? '';
        if (!body) throw new CsvError(file, row.line, `comment ${id} has no comment-body`);
        if (body.length > maxLength)
          throw new CsvError(
            file,
            row.line,
            `comment ${id} is longer than ${maxLength} characters`,
          );
        seen.add(id);
      }
      comments.push({
        id,
        body: row.fields[at['comment-body']] ?? '',
        authorId: row.fields[at['author-id']] ?? '',
        moderated: Number(row.fields[at.moderated] ?? 0) || 0,
        timestamp: row.fields[at.timestamp] ?? '',
      });
    },
  );
  return comments;
}

/** Numeric ids sort numerically, others after them by text: Polis ids are small integers. */
export function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  const aNumeric = a !== '' && Number.isFinite(na);
  const bNumeric = b !== '' && Number.isFinite(nb);
  if (aNumeric && bNumeric) return na - nb;
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads a Polis export folder: summary.csv, comments.csv, then the votes from votes.csv or, when
 * it is missing, from participants-votes.csv (whose group-id column is kept for validation either
 * way). Moderated-out (rejected) comments become excluded statements. A malformed row throws a
 * CsvError naming the file and line. Files are streamed. Text fields lose the one quote that
 * Parley's writer puts before a would-be formula (csv-cells.ts), so its exports read back exactly.
 */
export async function readPolisExport(
  folder: string,
  options: ReadOptions = {},
): Promise<PolisExport> {
  const summary = await readSummary(folder);
  const strict = options.strict === true;
  const comments = (await readComments(folder, strict, options.maxCommentLength)).sort((a, b) =>
    compareIds(a.id, b.id),
  );
  const columns = new VoteColumns(comments.map((c) => c.id));
  // The comments take the first statement indices: a higher one is a vote on an unknown comment.
  const known = (statement: number, file: string, line: number, id: string | number) => {
    if (strict && statement >= comments.length)
      throw new CsvError(file, line, `comment-id ${id} is not in comments.csv`);
    return statement;
  };
  const polisGroups = new Map<string, string>();
  const progress = (file: string) =>
    options.onProgress
      ? (done: number, total: number) => options.onProgress?.(file, done, total)
      : undefined;

  const votesPath = join(folder, 'votes.csv');
  const wideFile = 'participants-votes.csv';
  const widePath = join(folder, wideFile);
  const hasVotes = await exists(votesPath);
  const hasWide = await exists(widePath);
  if (hasVotes) {
    const file = 'votes.csv';
    let at = { timestamp: -1, 'comment-id': -1, 'voter-id': -1, vote: -1 };
    await eachByteRow(
      votesPath,
      (header) => {
        at = columnsOf(file, header, ['timestamp', 'comment-id', 'voter-id', 'vote']);
      },
      (row) => {
        const voter = idOf(row, at['voter-id']);
        const comment = idOf(row, at['comment-id']);
        if (voter === undefined || comment === undefined)
          throw new CsvError(file, row.line, 'missing voter-id or comment-id');
        const value = voteOf(file, row, at.vote);
        const time = row.number(at.timestamp);
        columns.addIndexed(
          columns.participantIndex(voter),
          known(columns.statementIndex(comment), file, row.line, comment),
          value,
          Number.isFinite(time) ? time : Number.NEGATIVE_INFINITY,
        );
      },
      progress(file),
    );
  }
  if (hasWide) {
    let participantAt = -1;
    let groupAt = -1;
    let voteColumns: { at: number; statement: number; comment: string }[] = [];
    await eachByteRow(
      widePath,
      (header) => {
        ({ participant: participantAt, 'group-id': groupAt } = columnsOf(wideFile, header, [
          'participant',
          'group-id',
          'n-disagree',
        ]));
        const first = (header as CsvRow).fields.indexOf('n-disagree') + 1;
        voteColumns = (header as CsvRow).fields
          .slice(first)
          .map((comment, i) => ({ at: first + i, statement: -1, comment }));
        if (strict && !hasVotes) {
          const ids = new Set(comments.map((c) => c.id));
          const unknown = voteColumns.find((c) => !ids.has(c.comment));
          if (unknown) known(comments.length, wideFile, (header as CsvRow).line, unknown.comment);
        }
        // With votes.csv present only the group ids are read here: skip the vote cells.
        return hasVotes ? Math.max(participantAt, groupAt) + 1 : undefined;
      },
      (row) => {
        const id = idOf(row, participantAt);
        if (id === undefined) throw new CsvError(wideFile, row.line, 'missing participant');
        if (!row.isEmpty(groupAt)) polisGroups.set(String(id), restoreFormula(row.text(groupAt)));
        if (hasVotes) return;
        let participant = -1;
        for (const column of voteColumns) {
          if (row.isEmpty(column.at)) continue;
          const value = voteOf(wideFile, row, column.at);
          if (participant < 0) participant = columns.participantIndex(id);
          // A statement joins the table at its first vote, as with votes.csv.
          if (column.statement < 0) column.statement = columns.statementIndex(column.comment);
          columns.addIndexed(participant, column.statement, value, Number.NEGATIVE_INFINITY);
        }
      },
      progress(wideFile),
    );
  }
  const moderatedOut = new Set(comments.filter((c) => c.moderated < 0).map((c) => c.id));
  const statements: StatementInput[] = columns
    .statementIds()
    .map((id) => (moderatedOut.has(id) ? { id, moderatedOut: true } : { id }));
  return {
    summary,
    comments,
    table: columns.toTable(statements, compareIds),
    polisGroups,
    voteSource: hasVotes ? 'votes.csv' : hasWide ? 'participants-votes.csv' : 'none',
  };
}
