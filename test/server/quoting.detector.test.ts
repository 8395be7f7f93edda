import { describe, expect, it } from 'vitest';
import { DEMO_STATEMENTS } from '../../src/demo/room.ts';
import { QuoteDetector } from '../../src/server/services/quoting/detector.ts';
import { QuoteGuard, type QuotedStatement } from '../../src/server/services/quoting/guard.ts';
import { tokenise } from '../../src/server/services/quoting/tokens.ts';
import {
  MOCK_REPORT_EN,
  MOCK_REPORT_UR,
  NEAR_COPIES,
  PARAPHRASES_EN,
  PARAPHRASES_UR,
} from './quoting.texts.ts';

const SEVEN = 'Open the Wagah border to all trade.';
const detectorOf = (...texts: string[]) =>
  new QuoteDetector(texts.map((text, i) => ({ key: i + 1, wordings: [text] })));
/** The demo's statements as if said under Chatham House Rule Plus, keyed by their number. */
const demo = new QuoteDetector(
  DEMO_STATEMENTS.map((s, i) => ({ key: i + 1, wordings: [s.text, s.translation] })),
);
const wordsOf = (text: string) => text.split(/\s+/);
/** The statement's words with every `every`-th one (from `offset`) replaced by `by`. */
const changed = (text: string, every: number, offset: number, by = 'notably') =>
  wordsOf(text)
    .map((w, i) => ((i + offset) % every === 0 ? by : w))
    .join(' ');
const inSentence = (quote: string) => `The session heard that ${quote}, among other things.`;

describe('the quoting check: tokens', () => {
  it('folds case, compatibility forms, diacritics and punctuation, keeping offsets into the text', () => {
    const text = 'Don’t OPEN the  Wagah-border! Café ﬁne ①';
    const t = tokenise(text);
    expect(t.words).toEqual(['dont', 'open', 'the', 'wagah', 'border', 'cafe', 'fine', '1']);
    expect(t.words.map((_, i) => text.slice(t.starts[i], t.ends[i]))).toEqual([
      'Don’t',
      'OPEN',
      'the',
      'Wagah',
      'border',
      'Café',
      'ﬁne',
      '①',
    ]);
  });
  it('normalises the Arabic-script letters Urdu writers mix, and drops diacritics and tatweel', () => {
    // Arabic yeh and kaf, heh forms, a zer, a tatweel, Arabic-Indic digits.
    expect(tokenise('يكى ھ ـــبہت قابلِ ٢٠٢٦').words).toEqual(tokenise('یکی ہ بہت قابل 2026').words);
  });
});

describe('the quoting check: what it refuses', () => {
  it('a seven-word statement quoted whole (the old check needed eight words)', () => {
    const found = detectorOf(SEVEN).find(`Participants said: “${SEVEN.toUpperCase()}”`);
    expect(found).toMatchObject({ key: 1, passage: 'OPEN THE WAGAH BORDER TO ALL TRADE' });
  });
  it('a statement with one word changed in every seven (or five), whatever the offset, in English and Urdu', () => {
    expect(detectorOf(SEVEN).find('Close the Wagah border to all trade.')?.key).toBe(1);
    for (const [i, s] of DEMO_STATEMENTS.entries())
      for (const text of [s.text, s.translation])
        for (let offset = 0; offset < 7; offset++)
          for (const every of [7, 5])
            expect(demo.find(inSentence(changed(text, every, offset)))?.key, text).toBe(i + 1);
  });
  it('one word added or left out in every seven', () => {
    for (const [i, s] of DEMO_STATEMENTS.entries()) {
      const words = wordsOf(s.text);
      const added = words.flatMap((w, j) => (j % 7 === 3 ? [w, 'indeed'] : [w])).join(' ');
      const dropped = words.filter((_, j) => j % 7 !== 3).join(' ');
      expect(demo.find(inSentence(added))?.key).toBe(i + 1);
      expect(demo.find(inSentence(dropped))?.key).toBe(i + 1);
    }
  });
  it('part of a long statement: any eight words in a row, or ten with one changed', () => {
    for (const [i, s] of DEMO_STATEMENTS.entries())
      for (const text of [s.text, s.translation]) {
        const words = wordsOf(text);
        for (let from = 0; from + 10 <= words.length; from += 3) {
          const eight = words.slice(from, from + 8).join(' ');
          expect(demo.find(inSentence(eight))?.key, eight).toBe(i + 1);
          const ten = changed(words.slice(from, from + 10).join(' '), 10, 5);
          expect(demo.find(inSentence(ten))?.key, ten).toBe(i + 1);
        }
      }
  });
  it('an Urdu statement quoted in Urdu with other letter forms, diacritics and tatweel', () => {
    const urdu = detectorOf('دونوں ممالک کے تجارتی ایوانوں کا ایک مشترکہ ورکنگ گروپ قائم کیا جائے');
    const found = urdu.find(
      'شرکاء نے کہا: دونوں ممالك کے تجارتي ایوانوں كا ایک مشتـرکہ ورکنگ گروپ قائم كيا جائے۔',
    );
    expect(found?.key).toBe(1);
    expect(found?.passage).toBe(
      'دونوں ممالك کے تجارتي ایوانوں كا ایک مشتـرکہ ورکنگ گروپ قائم كيا جائے',
    );
  });
  it('the translation quoted names the statement it translates', () => {
    const [s] = DEMO_STATEMENTS;
    expect(demo.find(`اجلاس میں کہا گیا: ${s!.translation}`)?.key).toBe(1);
  });
  it('eight words in a row even when they are all common words, as before', () => {
    const d = detectorOf('We think it is not the time for any of this at all');
    expect(d.find('Some felt it is not the time for any of this yet.')?.key).toBe(1);
  });
  it('the lazy paraphrases that keep a long run of a statement', () => {
    for (const [key, text] of NEAR_COPIES) expect(demo.find(text)?.key).toBe(key);
  });
  it('a statement of up to three words only word for word', () => {
    const d = detectorOf('Visas now!');
    expect(d.find('They want visas, now.')?.passage).toBe('visas, now');
    expect(d.find('They want visas issued now.')).toBeNull();
  });
});

describe('the quoting check: what it allows', () => {
  it('ordinary paraphrases of every demo statement, in English and Urdu', () => {
    for (const text of [...PARAPHRASES_EN, ...PARAPHRASES_UR])
      expect(demo.find(text), text).toBeNull();
  });
  it('a whole report on the same subjects with the same common words', () => {
    expect(demo.findAll(MOCK_REPORT_EN)).toEqual([]);
    expect(demo.findAll(MOCK_REPORT_UR)).toEqual([]);
  });
  it('a near-quotation that keeps only common words and fewer than three others', () => {
    const d = detectorOf('Both sides need more trust.', 'Women must be heard in this dialogue.');
    expect(d.find('Both sides need more time.')).toBeNull();
    expect(d.find('Young people must be heard in this dialogue.')).toBeNull();
    // Keeping three of its own words is a quotation with a word changed.
    expect(d.find('Both sides need real trust.')?.key).toBe(1);
  });
  it('a short statement’s words apart or in another order', () => {
    const d = detectorOf('Open the Wagah border');
    expect(d.find('The Wagah border should open.')).toBeNull();
    expect(d.find('open the Wagah crossing and the border')).toBeNull();
  });
});

describe('the quoting guard', () => {
  const statement: QuotedStatement = {
    statementId: 's1',
    number: 7,
    status: 'approved',
    session: 'Borders',
  };
  const guard = new QuoteGuard(new QuoteDetector([{ key: statement, wordings: [SEVEN] }]));

  it('refuses with 409 naming the field, the statement by its number and the passage', () => {
    let error: unknown;
    try {
      guard.refuse('The public report', [
        { field: 'body.en.headline', text: 'A fine round' },
        {
          field: 'body.en.sections.2.markdown',
          text: 'They said: open the Wagah border to all trade.',
        },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ status: 409 });
    const problem = (error as { toProblem(): Record<string, unknown> }).toProblem();
    expect(problem.errors).toEqual([
      {
        field: 'body.en.sections.2.markdown',
        message:
          'reproduces statement 7 of session “Borders”: “open the Wagah border to all trade”',
      },
    ]);
    expect(problem.detail).toContain(
      'The public report reproduces statement 7 of session “Borders”',
    );
  });
  it('composes a reference by number in place of the passage, in English and Urdu', () => {
    const text = 'Many said: open the Wagah border to all trade. Others disagreed.';
    expect(guard.redact(text, 'en')).toBe(
      'Many said: (statement 7 of session “Borders”, not quoted: Chatham House Rule Plus). Others disagreed.',
    );
    expect(guard.redact(text, 'ur')).toContain('اجلاس “Borders” کا بیان نمبر 7');
    expect(guard.redact(text, 'ur')).not.toMatch(/Wagah/);
  });
});
