/**
 * The two word alignments of the quoting check, on words turned into numbers. Both run over a
 * slice of the passage and the statement's words; `p` holds -1 for a word no statement uses.
 */

/** A stretch of the passage, in word indexes [start, end). */
export interface Span {
  start: number;
  end: number;
}

/**
 * The whole statement against the passage with a free start and end (Sellers' approximate
 * matching at word level): the passage stretch that turns into the statement with the fewest
 * changed, added or missing words, if that is at most `maxEdits`.
 */
export function wholeStatement(
  s: Int32Array,
  p: Int32Array,
  from: number,
  to: number,
  maxEdits: number,
): (Span & { edits: number }) | null {
  const m = s.length;
  let cost = new Int32Array(m + 1);
  let next = new Int32Array(m + 1);
  let start = new Int32Array(m + 1);
  let nextStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) cost[i] = i;
  start.fill(from);
  let best: (Span & { edits: number }) | null = null;
  for (let j = from; j < to; j++) {
    next[0] = 0;
    nextStart[0] = j + 1;
    const word = p[j]!;
    for (let i = 1; i <= m; i++) {
      let c = cost[i - 1]! + (s[i - 1] === word ? 0 : 1);
      let st = i === 1 ? j : start[i - 1]!;
      const skipPassage = cost[i]! + 1;
      if (skipPassage < c) {
        c = skipPassage;
        st = start[i]!;
      }
      const skipStatement = next[i - 1]! + 1;
      if (skipStatement < c) {
        c = skipStatement;
        st = nextStart[i - 1]!;
      }
      next[i] = c;
      nextStart[i] = st;
    }
    [cost, next] = [next, cost];
    [start, nextStart] = [nextStart, start];
    const edits = cost[m]!;
    if (edits <= maxEdits && (!best || edits < best.edits))
      best = { start: start[m]!, end: j + 1, edits };
    // The best stretch is found; a few more words could only lower its edits, not move it far.
    if (best && j + 1 - best.end > maxEdits) break;
  }
  return best;
}

const GAP = 3;

/**
 * Part of the statement against the passage (Smith–Waterman: +1 a matching word, −3 a changed,
 * added or missing one): the stretch with the most matching words, at least `minWords` of them,
 * either word for word (edits 0) or with at least `density` of the aligned words matching
 * (matches / (matches + edits)).
 */
export function partOfStatement(
  s: Int32Array,
  p: Int32Array,
  from: number,
  to: number,
  minWords: number,
  density: number,
): (Span & { edits: number; words: number }) | null {
  const m = s.length;
  let score = new Int32Array(m + 1);
  let next = new Int32Array(m + 1);
  let matched = new Int32Array(m + 1);
  let nextMatched = new Int32Array(m + 1);
  let start = new Int32Array(m + 1);
  let nextStart = new Int32Array(m + 1);
  let run = new Int32Array(m + 1);
  let nextRun = new Int32Array(m + 1);
  let best: (Span & { edits: number; words: number }) | null = null;
  let exact: (Span & { edits: number; words: number }) | null = null;
  for (let j = from; j < to; j++) {
    next[0] = 0;
    nextMatched[0] = 0;
    const word = p[j]!;
    for (let i = 1; i <= m; i++) {
      const same = s[i - 1] === word;
      const r = (nextRun[i] = same ? run[i - 1]! + 1 : 0);
      if (r >= minWords && (!exact || r > exact.end - exact.start))
        exact = { start: j + 1 - r, end: j + 1, edits: 0, words: r };
      let h = score[i - 1]! + (same ? 1 : -GAP);
      let mt = matched[i - 1]! + (same ? 1 : 0);
      let st = score[i - 1]! === 0 ? j : start[i - 1]!;
      const skipPassage = score[i]! - GAP;
      if (skipPassage > h || (skipPassage === h && matched[i]! > mt)) {
        h = skipPassage;
        mt = matched[i]!;
        st = start[i]!;
      }
      const skipStatement = next[i - 1]! - GAP;
      if (skipStatement > h || (skipStatement === h && nextMatched[i - 1]! > mt)) {
        h = skipStatement;
        mt = nextMatched[i - 1]!;
        st = nextStart[i - 1]!;
      }
      if (h <= 0) {
        h = 0;
        mt = 0;
      }
      next[i] = h;
      nextMatched[i] = mt;
      nextStart[i] = st;
      // matches − GAP·edits = h, so edits = (matches − h) / GAP.
      const edits = (mt - h) / GAP;
      if (mt >= minWords && mt >= density * (mt + edits) && (!best || mt > best.words))
        best = { start: st, end: j + 1, edits, words: mt };
    }
    [score, next] = [next, score];
    [matched, nextMatched] = [nextMatched, matched];
    [start, nextStart] = [nextStart, start];
    [run, nextRun] = [nextRun, run];
    // Past m words of no progress, the alignment found cannot grow any more.
    const end = Math.max(exact?.end ?? -1, best?.end ?? -1);
    if (end >= 0 && j - end > m) break;
  }
  return exact && (!best || exact.words >= best.words) ? exact : best;
}
