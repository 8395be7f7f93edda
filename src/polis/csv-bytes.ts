import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CsvError, type ProgressCallback } from './csv.ts';

// The byte-level reader for the big vote files: no per-line strings, integers parsed in place.

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const MINUS = 0x2d;
const ZERO = 0x30;
const EMPTY_BYTES = new Uint8Array(0);
const utf8 = new TextDecoder('utf-8');

/**
 * One CSV row seen as byte ranges of the file's bytes: no string is made unless a field is asked
 * for as text, so a million-row votes file costs no per-line strings. Field i spans
 * `bytes[starts[i], ends[i])`; a quoted field spans the inside of its quotes, with doubled quotes
 * collapsed when it is read as text. Valid only inside the `onRow` call that receives it.
 */
export class ByteRow {
  bytes: Uint8Array = EMPTY_BYTES;
  /** 1-based physical line where the row starts (the header is line 1). */
  line = 0;
  count = 0;
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  /** 1 where the field was quoted (and may hold doubled quotes). */
  quoted = new Uint8Array(16);
  /**
   * The reader may stop splitting a row after this many fields (set it from `onRow` once the
   * header says which fields are needed): the rest of the line is skipped with a native search
   * when it holds no quote. Fields beyond it then read as missing.
   */
  fieldLimit = Infinity;

  push(start: number, end: number, quoted: number): void {
    if (this.count === this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
      this.starts = grow(this.starts, new Int32Array(2 * this.count));
      this.ends = grow(this.ends, new Int32Array(2 * this.count));
      this.quoted = grow(this.quoted, new Uint8Array(2 * this.count));
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.quoted[this.count++] = quoted;
  }

  /** True when field i is missing or empty. */
  isEmpty(i: number): boolean {
    return i < 0 || i >= this.count || this.starts[i] === this.ends[i];
  }

  /** Field i as text (UTF-8); '' when missing. */
  text(i: number): string {
    if (i < 0 || i >= this.count) return '';
    const text = utf8.decode(this.bytes.subarray(this.starts[i], this.ends[i]));
    return this.quoted[i] ? text.replaceAll('""', '"') : text;
  }

  /**
   * Field i as a canonical non-negative integer below 2^31 (digits only, no leading zero, so it
   * is exactly the number's decimal text); -1 for anything else. Lets ids skip string interning.
   */
  canonicalInteger(i: number): number {
    if (i < 0 || i >= this.count || this.quoted[i]) return -1;
    const start = this.starts[i];
    const end = this.ends[i];
    const length = end - start;
    if (length === 0 || length > 9 || (length > 1 && this.bytes[start] === ZERO)) return -1;
    let n = 0;
    for (let p = start; p < end; p++) {
      const d = this.bytes[p] - ZERO;
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n;
  }

  /** Field i as a vote: 1, 0 or -1 exactly; NaN for anything else (including empty). */
  vote(i: number): number {
    if (i < 0 || i >= this.count) return Number.NaN;
    const start = this.starts[i];
    const length = this.ends[i] - start;
    const b = this.bytes;
    if (!this.quoted[i]) {
      if (length === 1 && (b[start] === ZERO || b[start] === ZERO + 1)) return b[start] - ZERO;
      if (length === 2 && b[start] === MINUS && b[start + 1] === ZERO + 1) return -1;
    }
    const text = this.text(i).trim();
    const value = text === '' ? Number.NaN : Number(text);
    return value === 1 || value === 0 || value === -1 ? value : Number.NaN;
  }

  /** Field i as a number (integer digits fast path, else Number(text)); NaN when empty. */
  number(i: number): number {
    const n = this.canonicalInteger(i);
    if (n >= 0) return n;
    if (this.isEmpty(i)) return Number.NaN;
    const start = this.starts[i];
    const end = this.ends[i];
    if (!this.quoted[i] && end - start <= 15) {
      // Timestamps are long digit strings: parse without a string while they stay exact.
      let value = 0;
      let p = start;
      for (; p < end; p++) {
        const d = this.bytes[p] - ZERO;
        if (d < 0 || d > 9) break;
        value = value * 10 + d;
      }
      if (p === end) return value;
    }
    return Number(this.text(i));
  }

  /** All fields as text (the header row, small files). */
  texts(): string[] {
    return Array.from({ length: this.count }, (_, i) => this.text(i));
  }
}

/**
 * Scans complete rows of `bytes[from, to)`, calling `onRow` for each non-blank one. Returns the
 * offset where an incomplete last row begins (to carry over to the next chunk), or `to`. At the
 * end of the input (`atEnd`) a last row without a newline is complete, and an open quote is an
 * error. RFC 4180: quoted fields may hold commas, doubled quotes and newlines; CRLF or LF end a row.
 */
function scanRows(
  bytes: Uint8Array,
  from: number,
  to: number,
  atEnd: boolean,
  row: ByteRow,
  state: { line: number },
  onRow: (row: ByteRow) => void,
  file: string,
): number {
  row.bytes = bytes;
  let p = from;
  while (p < to) {
    const rowStart = p;
    row.count = 0;
    let lines = 1;
    let complete = false;
    for (;;) {
      // One field starting at p.
      if (p < to && bytes[p] === QUOTE) {
        const start = p + 1;
        let q = start;
        let closed = -1;
        while (q < to) {
          const c = bytes[q];
          if (c === QUOTE) {
            if (q + 1 < to && bytes[q + 1] === QUOTE) {
              q += 2;
              continue;
            }
            if (q + 1 >= to && !atEnd) break; // a doubled quote may straddle the chunk
            closed = q;
            break;
          }
          if (c === LF) lines++;
          q++;
        }
        if (closed < 0) {
          if (!atEnd) return rowStart;
          throw new CsvError(file, state.line, 'unterminated quoted field');
        }
        // Only the separator (or a CR before the row's LF) may follow the closing quote.
        let e = closed + 1;
        while (e < to && bytes[e] !== COMMA && bytes[e] !== LF) e++;
        const tail = e - closed - 1;
        if (tail > 0 && e >= to && !atEnd) return rowStart;
        if (
          tail > 1 ||
          (tail === 1 && bytes[closed + 1] !== CR) ||
          (tail === 1 && e < to && bytes[e] === COMMA)
        ) {
          throw new CsvError(file, state.line + lines - 1, 'unexpected text after a closing quote');
        }
        row.push(start, closed, 1);
        p = e;
      } else {
        const start = p;
        while (p < to && bytes[p] !== COMMA && bytes[p] !== LF) p++;
        let end = p;
        if (p < to && bytes[p] === LF && end > start && bytes[end - 1] === CR) end--;
        else if (p >= to && atEnd && end > start && bytes[end - 1] === CR) end--;
        row.push(start, end, 0);
      }
      if (p >= to) {
        if (!atEnd) return rowStart;
        complete = true;
        break;
      }
      if (bytes[p] === COMMA) {
        if (row.count >= row.fieldLimit) {
          const lineEnd = bytes.indexOf(LF, p);
          const quote = bytes.indexOf(QUOTE, p);
          if (lineEnd < 0 && !atEnd) return rowStart;
          if (quote < 0 || (lineEnd >= 0 && quote > lineEnd)) {
            p = lineEnd < 0 ? to : lineEnd;
            if (p >= to) {
              complete = true;
              break;
            }
            p++;
            complete = true;
            break;
          }
        }
        p++;
        if (p >= to && !atEnd) return rowStart;
        continue;
      }
      // LF
      p++;
      complete = true;
      break;
    }
    if (complete) {
      row.line = state.line;
      state.line += lines;
      if (row.count > 1 || row.starts[0] !== row.ends[0]) onRow(row);
    }
  }
  return to;
}

/**
 * Parses CSV from a stream of byte chunks, calling `onRow` with each non-blank row as byte
 * ranges (no per-line strings). A leading UTF-8 BOM is skipped; a row split across chunks is
 * carried over; errors throw CsvError naming the file and line. `onRow` may throw too.
 */
export async function parseCsvBytes(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  onRow: (row: ByteRow) => void,
  onChunk?: (bytes: number) => void,
): Promise<void> {
  const row = new ByteRow();
  const state = { line: 1 };
  let carry: Uint8Array = EMPTY_BYTES;
  let first = true;
  for await (const chunk of chunks) {
    let bytes: Uint8Array = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    if (first && bytes.length < 3 && bytes.length > 0 && bytes[0] === 0xef) {
      carry = bytes; // wait for the whole BOM
      continue;
    }
    if (first && bytes.length > 0) {
      first = false;
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
        bytes = bytes.subarray(3);
    }
    const stop = scanRows(bytes, 0, bytes.length, false, row, state, onRow, file);
    carry = stop < bytes.length ? bytes.slice(stop) : EMPTY_BYTES;
    onChunk?.(chunk.length);
  }
  if (carry.length > 0) scanRows(carry, 0, carry.length, true, row, state, onRow, file);
}

/** Streams a CSV file as bytes in 1 MiB chunks (never the whole file in memory); see `parseCsvBytes`. */
export async function readCsvRows(
  path: string,
  onRow: (row: ByteRow) => void,
  onProgress?: ProgressCallback,
): Promise<void> {
  const total = onProgress ? (await stat(path)).size : 0;
  let done = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
  await parseCsvBytes(stream, basename(path), onRow, (bytes) => {
    done += bytes;
    onProgress?.(done, total);
  });
}
