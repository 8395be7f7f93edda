import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';

/** A problem in an input file; the message names the file and the 1-based line (0: the file as a whole). */
export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(line > 0 ? `${file}:${line}: ${message}` : `${file}: ${message}`);
  }
}

export interface CsvRow {
  /** 1-based physical line where the row starts (the header is line 1). */
  readonly line: number;
  readonly fields: string[];
}

/**
 * Parses RFC 4180 CSV from a stream of text chunks: quoted fields may hold commas, doubled quotes
 * and newlines; CRLF and LF both end rows; a leading BOM is dropped; blank lines are skipped.
 * Rows without quotes (almost all of a votes file) take a fast split path. Yields the rows of
 * each chunk as one batch (a promise per row would dominate the cost on million-row files).
 */
export async function* parseCsv(
  chunks: AsyncIterable<string>,
  file: string,
): AsyncGenerator<CsvRow[]> {
  let buffer = '';
  let line = 1;
  let first = true;
  for await (const chunk of chunks) {
    buffer += first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    first = false;
    const rows: CsvRow[] = [];
    let position = 0;
    for (;;) {
      const parsed = parseRow(buffer, position, false);
      if (!parsed) break;
      if (parsed.fields.length > 1 || parsed.fields[0] !== '')
        rows.push({ line, fields: parsed.fields });
      line += parsed.lines;
      position = parsed.next;
    }
    buffer = buffer.slice(position);
    if (rows.length > 0) yield rows;
  }
  const rows: CsvRow[] = [];
  while (buffer.length > 0) {
    const parsed = parseRow(buffer, 0, true);
    if (!parsed) throw new CsvError(file, line, 'unterminated quoted field');
    if (parsed.fields.length > 1 || parsed.fields[0] !== '')
      rows.push({ line, fields: parsed.fields });
    line += parsed.lines;
    buffer = buffer.slice(parsed.next);
  }
  if (rows.length > 0) yield rows;
}

/** Parses one row starting at `start`; undefined when the row is incomplete and more input may come. */
function parseRow(
  text: string,
  start: number,
  atEnd: boolean,
): { fields: string[]; next: number; lines: number } | undefined {
  const newline = text.indexOf('\n', start);
  const end = newline < 0 ? (atEnd ? text.length : -1) : newline;
  if (end < 0) return undefined;
  const quote = text.indexOf('"', start);
  if (quote < 0 || quote > end) {
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    return {
      fields: text.slice(start, stop).split(','),
      next: newline < 0 ? text.length : end + 1,
      lines: 1,
    };
  }
  return parseQuotedRow(text, start, atEnd);
}

function parseQuotedRow(
  text: string,
  start: number,
  atEnd: boolean,
): { fields: string[]; next: number; lines: number } | undefined {
  const fields: string[] = [];
  let field = '';
  let lines = 1;
  let p = start;
  let inQuotes = false;
  while (p < text.length) {
    const c = text[p];
    if (inQuotes) {
      if (c === '"') {
        if (p + 1 >= text.length && !atEnd) return undefined;
        if (text[p + 1] === '"') {
          field += '"';
          p += 2;
          continue;
        }
        inQuotes = false;
      } else {
        if (c === '\n') lines++;
        field += c;
      }
      p++;
      continue;
    }
    if (c === '"') inQuotes = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n') {
      fields.push(field);
      return { fields, next: p + 1, lines };
    } else if (c !== '\r' || text[p + 1] !== '\n') field += c;
    p++;
  }
  if (inQuotes || !atEnd) return undefined;
  fields.push(field);
  return { fields, next: p, lines };
}

/** Reports bytes read so far out of the file's size. */
export type ProgressCallback = (done: number, total: number) => void;

/** Streams a CSV file's rows in batches (64 KiB chunks, never the whole file in memory). Errors name the file. */
export async function* readCsvFile(
  path: string,
  onProgress?: ProgressCallback,
): AsyncGenerator<CsvRow[]> {
  const file = basename(path);
  const total = onProgress ? (await stat(path)).size : 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  let done = 0;
  const decoder = new TextDecoder('utf-8');
  async function* chunks() {
    for await (const buffer of stream as AsyncIterable<Buffer>) {
      done += buffer.length;
      onProgress?.(done, total);
      yield decoder.decode(buffer, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }
  yield* parseCsv(chunks(), file);
}

/** Maps required header names to column positions, or throws naming the file, line 1 and the missing columns. */
export function columnsOf<T extends string>(
  file: string,
  header: CsvRow | undefined,
  required: readonly T[],
): Record<T, number> {
  if (!header) throw new CsvError(file, 1, 'empty file (no header row)');
  const positions = {} as Record<T, number>;
  const missing: string[] = [];
  for (const name of required) {
    const at = header.fields.indexOf(name);
    if (at < 0) missing.push(name);
    positions[name] = at;
  }
  if (missing.length > 0)
    throw new CsvError(file, header.line, `missing column(s): ${missing.join(', ')}`);
  return positions;
}
