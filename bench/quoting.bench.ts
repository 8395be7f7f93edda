/**
 * `npm run bench:quoting`: the Chatham House Rule Plus quoting check on a large round: a public
 * report of 20,000 English and 2,000 Urdu words against 300 statements (each with its Urdu
 * translation). The words come from a seeded word chain over this repository's docs and the
 * demo, so statements and report share vocabulary and common word pairs as real ones do; the
 * report also quotes three statements (one whole, one with a word changed in every seven, one in
 * part), so the check does its full work (the chain may copy 8 words of another statement by
 * chance: it is listed too). Ends with one line of JSON holding every figure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { seededRandom } from '../src/analysis/pca.ts';
import { DEMO_STATEMENTS } from '../src/demo/room.ts';
import { QuoteDetector } from '../src/server/services/quoting/detector.ts';

const STATEMENTS = 300;
const REPORT_WORDS = 20_000;
const URDU_WORDS = 2_000;
const RUNS = 15;

/** A first-order word chain: each word followed by a word seen after it in the corpus, or by any word. */
function chain(corpus: string, random: () => number, restart: number) {
  // Prose only: code, paths and figures in the docs would be long runs of tokens in one "word".
  const words = corpus.split(/\s+/).filter((w) => /^[\p{L}’'-]+[.,;:?]?$/u.test(w));
  const next = new Map<string, string[]>();
  for (let i = 0; i + 1 < words.length; i++)
    (next.get(words[i]!) ?? next.set(words[i]!, []).get(words[i]!)!).push(words[i + 1]!);
  return (n: number) => {
    const out: string[] = [];
    let w = words[Math.floor(random() * words.length)]!;
    while (out.length < n) {
      out.push(w);
      // Now and then a fresh start, so runs of the corpus stay short (it is paraphrase, not copy).
      const after = random() < restart ? undefined : next.get(w);
      w = after
        ? after[Math.floor(random() * after.length)]!
        : words[Math.floor(random() * words.length)]!;
    }
    return out.join(' ');
  };
}

const docs = readdirSync('docs')
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(`docs/${f}`, 'utf8'))
  .join('\n');
const random = seededRandom(20261128);
const english = chain(`${docs}\n${DEMO_STATEMENTS.map((s) => s.text).join('\n')}`, random, 0.35);
const urdu = chain(DEMO_STATEMENTS.map((s) => s.translation).join('\n'), random, 0.6);
const statements = Array.from({ length: STATEMENTS }, (_, i) => {
  const demo = DEMO_STATEMENTS[i % DEMO_STATEMENTS.length]!;
  return i < DEMO_STATEMENTS.length
    ? { key: i + 1, wordings: [demo.text, demo.translation] }
    : {
        key: i + 1,
        wordings: [english(8 + Math.floor(random() * 28)), urdu(10 + Math.floor(random() * 30))],
      };
});
const changedEverySeventh = DEMO_STATEMENTS[4]!.text
  .split(' ')
  .map((w, i) => (i % 7 === 3 ? 'notably' : w))
  .join(' ');
const report = [
  english(REPORT_WORDS / 2),
  `One participant said: ${DEMO_STATEMENTS[0]!.text}`,
  english(REPORT_WORDS / 4),
  `Another: ${changedEverySeventh}.`,
  english(REPORT_WORDS / 4),
  `And ${DEMO_STATEMENTS[9]!.text.split(' ').slice(3, 13).join(' ')}.`,
  urdu(URDU_WORDS),
].join('\n\n');

/** Median and max wall time, and median CPU time of this process (less swayed by a busy machine). */
const time = (f: () => unknown) => {
  const wall: number[] = [];
  const cpu: number[] = [];
  let result: unknown;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    result = f();
    const { user, system } = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((user + system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  return { median: median(wall), max: Math.max(...wall), cpu: median(cpu), result };
};

const load = loadavg()[0]!;
const build = time(() => new QuoteDetector(statements));
const detector = build.result as QuoteDetector<number>;
const all = time(() => detector.findAll(report));
const first = time(() => detector.find(report));
const clean = report.split('One participant said:')[0]!;
const none = time(() => detector.find(clean));
const found = (all.result as Array<{ key: number }>).map((r) => r.key);
// The three planted quotations must be found; the word chain may also copy 8 words of a statement by chance.
if (![1, 5, 10].every((k) => found.includes(k)))
  throw new Error(`expected statements 1, 5 and 10 among ${found.join(', ')}`);
const f = (ms: number) => `${ms.toFixed(1)} ms`;
const line = (t: { median: number; max: number; cpu: number }) =>
  `${f(t.median)} wall (max ${f(t.max)}), ${f(t.cpu)} CPU`;
console.log(
  `Quoting check: ${STATEMENTS} statements × 2 wordings against a report of ${report.split(/\s+/).length} words (load ${load.toFixed(1)})`,
);
console.log(`  prepare the statements        ${line(build)}`);
console.log(`  every reproduction (findAll)  ${line(all)}: statements ${found.join(', ')}`);
console.log(`  the first one (find)          ${line(first)}`);
console.log(`  the clean first half (find)   ${line(none)}: none`);
console.log(
  JSON.stringify({
    statements: STATEMENTS,
    reportWords: report.split(/\s+/).length,
    prepareMs: build.median,
    findAllMs: all.median,
    findAllCpuMs: all.cpu,
    findMs: first.median,
    cleanFindMs: none.median,
    cleanFindCpuMs: none.cpu,
    found,
    load,
  }),
);
