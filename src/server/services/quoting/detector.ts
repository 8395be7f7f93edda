import { partOfStatement, wholeStatement, type Span } from './align.ts';
import { COMMON_WORDS } from './common-words.ts';
import { tokenise, type Tokens } from './tokens.ts';

/**
 * When a passage reproduces a statement (docs/quoting.md says why these numbers):
 * - the whole statement word for word, at any length;
 * - a statement of more than SHORT words whole with at most one word in EDIT_SHARE changed,
 *   added or left out;
 * - at least PART_WORDS words of a longer statement in its order, PART_DENSITY of the aligned
 *   words matching.
 * With edits and fewer than PART_WORDS matching words, at least DISTINCTIVE of them must be other
 * than COMMON_WORDS.
 */
export const SHORT = 3;
export const EDIT_SHARE = 4;
export const PART_WORDS = 8;
export const PART_DENSITY = 0.8;
export const DISTINCTIVE = 3;

/** The edits allowed when a whole statement of `n` words is reproduced. */
export const allowedEdits = (n: number) => (n <= SHORT ? 0 : Math.floor(n / EDIT_SHARE));

export interface Reproduction<K> {
  /** The statement reproduced. */
  key: K;
  /** Where in the passage's text (offsets), and the passage's own words there. */
  from: number;
  to: number;
  passage: string;
}

interface Wording<K> {
  key: K;
  words: Int32Array;
  distinct: number[];
  /** How many times each of its not-common words occurs in it. */
  distinctive: Map<number, number>;
}

/**
 * The statements no text may reproduce, prepared once to check many passages. A statement may
 * have several wordings (its text, its translation, earlier wordings): any one counts.
 */
export class QuoteDetector<K> {
  private readonly ids = new Map<string, number>();
  private readonly wordings: Wording<K>[] = [];

  constructor(statements: Iterable<{ key: K; wordings: readonly string[] }>) {
    for (const { key, wordings } of statements) {
      const seen = new Set<string>();
      for (const text of wordings) {
        const words = tokenise(text).words;
        if (!words.length || seen.has(words.join(' '))) continue;
        seen.add(words.join(' '));
        const ids = Int32Array.from(words, (w) => this.idOf(w));
        const distinctive = new Map<number, number>();
        words.forEach((w, i) => {
          if (!COMMON_WORDS.has(w)) distinctive.set(ids[i]!, (distinctive.get(ids[i]!) ?? 0) + 1);
        });
        this.wordings.push({ key, words: ids, distinct: [...new Set(ids)], distinctive });
      }
    }
  }

  private idOf(word: string) {
    let id = this.ids.get(word);
    if (id === undefined) this.ids.set(word, (id = this.ids.size));
    return id;
  }

  /** The first statement the text reproduces, or null. */
  find(text: string): Reproduction<K> | null {
    return this.search(text, true)[0] ?? null;
  }

  /** Every reproduction in the text, in text order, overlapping ones merged into the first. */
  findAll(text: string): Reproduction<K>[] {
    const found = this.search(text, false).sort((a, b) => a.from - b.from || b.to - a.to);
    const merged: Reproduction<K>[] = [];
    for (const r of found) {
      const last = merged.at(-1);
      if (!last || r.from >= last.to) merged.push({ ...r });
      else if (r.to > last.to)
        Object.assign(last, { to: r.to, passage: text.slice(last.from, r.to) });
    }
    return merged;
  }

  private search(text: string, firstOnly: boolean): Reproduction<K>[] {
    const out: Reproduction<K>[] = [];
    if (!this.wordings.length) return out;
    const tokens = tokenise(text);
    const p = Int32Array.from(tokens.words, (w) => this.ids.get(w) ?? -1);
    const postings = new Map<number, number[]>();
    p.forEach((id, at) => {
      if (id >= 0) (postings.get(id) ?? postings.set(id, []).get(id)!).push(at);
    });
    for (const w of this.wordings) {
      let hits = 0;
      for (const id of w.distinct) hits += postings.get(id)?.length ?? 0;
      if (hits < leastHits(w.words.length)) continue;
      // Where the passage has one of the wording's words, in order.
      const at = new Int32Array(hits);
      let k = 0;
      for (const id of w.distinct) for (const j of postings.get(id) ?? []) at[k++] = j;
      at.sort();
      for (const span of spansOf(w, p, at, firstOnly)) {
        out.push(reproduction(w.key, text, tokens, span));
        if (firstOnly) return out;
      }
    }
    return out;
  }
}

/** The fewest of its words a passage must have for a wording of `m` words to be reproduced. */
const leastHits = (m: number) =>
  m > PART_WORDS ? Math.min(m - allowedEdits(m), PART_WORDS) : m - allowedEdits(m);

/** Where the passage reproduces one wording; `hits` are the positions of its words in the passage, in order. */
function spansOf<K>(w: Wording<K>, p: Int32Array, hits: Int32Array, firstOnly: boolean): Span[] {
  const s = w.words;
  const m = s.length;
  const edits = allowedEdits(m);
  const long = m > PART_WORDS;
  if (edits === 0) return exactly(s, p, hits, firstOnly);
  // Only stretches dense in the statement's words can align. The whole statement lies in a window
  // of m + edits words holding m − edits of them; part of it holds a window of PART_WORDS /
  // PART_DENSITY words with all but one of PART_WORDS, and is looked for around such windows.
  const found: Span[] = [];
  const keep = (span: Span & { edits: number; words: number }) => {
    // Word for word, or PART_WORDS words, it is a quotation; else only if it keeps distinctive words.
    if (span.edits === 0 || span.words >= PART_WORDS || distinctive(w, p, span)) found.push(span);
  };
  const enough = () => firstOnly && found.length > 0;
  /** Runs one alignment along a region, from each find on, until it finds no more. */
  const along = (
    regions: Array<[number, number]>,
    align: (from: number, to: number) => (Span & { edits: number; words: number }) | null,
  ) => {
    for (const [from, to] of regions)
      for (let at = from; at < to && !enough();) {
        const span = align(at, to);
        if (!span) break;
        keep(span);
        at = span.end;
      }
  };
  along(dense(hits, p.length, m + edits, m - edits, 1), (from, to) => {
    const whole = wholeStatement(s, p, from, to, edits);
    return whole && { ...whole, words: m - whole.edits };
  });
  const width = Math.ceil(PART_WORDS / PART_DENSITY);
  if (long && !enough())
    along(dense(hits, p.length, width, PART_WORDS - 1, width), (from, to) =>
      partOfStatement(s, p, from, to, PART_WORDS, PART_DENSITY),
    );
  return found; // A whole statement is also a part of it: findAll merges overlapping finds.
}

/** Whether at least DISTINCTIVE of the stretch's words are not-common words of the statement. */
function distinctive<K>(w: Wording<K>, p: Int32Array, span: Span): boolean {
  const left = new Map(w.distinctive);
  let count = 0;
  for (let j = span.start; j < span.end && count < DISTINCTIVE; j++) {
    const n = left.get(p[j]!);
    if (n) {
      left.set(p[j]!, n - 1);
      count++;
    }
  }
  return count >= DISTINCTIVE;
}

function exactly(s: Int32Array, p: Int32Array, hits: Int32Array, firstOnly: boolean): Span[] {
  const found: Span[] = [];
  let after = 0;
  for (const j of hits) {
    if (j < after || p[j] !== s[0] || j + s.length > p.length) continue;
    let i = 1;
    while (i < s.length && p[j + i] === s[i]) i++;
    if (i < s.length) continue;
    found.push({ start: j, end: j + s.length });
    if (firstOnly) break;
    after = j + s.length;
  }
  return found;
}

/**
 * Ranges [from, to) around the windows of `width` words holding at least `need` of the `hits`,
 * widened by `pad` and merged; `n` is the passage's length.
 */
function dense(hits: Int32Array, n: number, width: number, need: number, pad: number) {
  const out: Array<[number, number]> = [];
  for (let i = 0; i + need <= hits.length; i++) {
    const first = hits[i]!;
    const last = hits[i + need - 1]!;
    if (last - first >= width) continue;
    const from = Math.max(0, last + 1 - width - pad);
    const to = Math.min(n, first + width + pad);
    const previous = out.at(-1);
    if (previous && from <= previous[1]) previous[1] = Math.max(previous[1], to);
    else out.push([from, to]);
  }
  return out;
}

function reproduction<K>(key: K, text: string, tokens: Tokens, span: Span): Reproduction<K> {
  const from = tokens.starts[span.start]!;
  const to = tokens.ends[span.end - 1]!;
  return { key, from, to, passage: text.slice(from, to) };
}
