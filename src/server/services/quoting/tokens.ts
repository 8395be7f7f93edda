/**
 * Words of a text for the quoting check, each with where it stands in the original text.
 * Folding: compatibility decomposition (NFKD, so NFKC's folding and diacritics coming apart),
 * lower case, diacritics, tatweel, zero-width and bidi controls and apostrophes dropped, and the
 * Arabic-script letters Urdu writers mix normalised (ي ى → ی, ك → ک, ه ھ ە ة → ہ, Arabic-Indic
 * digits → 0-9). Any other character that is not a letter or digit separates words; a Han or
 * kana character is a word of its own, since those scripts put no spaces between words.
 */
export interface Tokens {
  words: string[];
  /** Offsets in the original text: word i is text.slice(starts[i], ends[i]). */
  starts: number[];
  ends: number[];
}

const VARIANTS: Record<string, string> = {
  ي: 'ی',
  ى: 'ی',
  ك: 'ک',
  ه: 'ہ',
  ھ: 'ہ',
  ە: 'ہ',
  ة: 'ہ',
  ۃ: 'ہ',
  ß: 'ss',
  ς: 'σ',
};
for (let d = 0; d < 10; d++) {
  VARIANTS[String.fromCharCode(0x0660 + d)] = String(d);
  VARIANTS[String.fromCharCode(0x06f0 + d)] = String(d);
}

const MARK = /\p{M}/u;
/** Dropped without separating words: tatweel, format controls (ZWNJ, bidi marks, soft hyphen), apostrophes. */
const SILENT = /[\u0640\p{Cf}'’ʼ‘`´]/u;
const WORD = /[\p{L}\p{N}]/u;
const OWN_WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** How one character of the source reads once folded: '' (silent), ' ' (separator), '\0x' (a word of its own) or letters. */
const folded = new Map<string, string>();
function fold(ch: string): string {
  let out = folded.get(ch);
  if (out !== undefined) return out;
  out = '';
  for (const c of ch.normalize('NFKD').toLowerCase().normalize('NFKD')) {
    if (MARK.test(c) || SILENT.test(c)) continue;
    const v = VARIANTS[c] ?? c;
    if (OWN_WORD.test(v)) out += `\0${v}`;
    else out += WORD.test(v) ? v : ' ';
  }
  folded.set(ch, out);
  return out;
}

export function tokenise(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let word = '';
  let start = 0;
  let end = 0;
  const close = () => {
    if (word) {
      words.push(word);
      starts.push(start);
      ends.push(end);
      word = '';
    }
  };
  let at = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    // ASCII letters and digits are the common case: no table look-up.
    const f =
      code < 128
        ? (code >= 48 && code <= 57) || (code >= 97 && code <= 122)
          ? ch
          : code >= 65 && code <= 90
            ? String.fromCharCode(code + 32)
            : code === 39 || code === 96
              ? ''
              : ' '
        : fold(ch);
    for (let i = 0; i < f.length; i++) {
      const c = f[i]!;
      if (c === ' ') close();
      else if (c === '\0') {
        close();
        words.push(f[++i]!);
        starts.push(at);
        ends.push(at + ch.length);
      } else {
        if (!word) start = at;
        word += c;
        end = at + ch.length;
      }
    }
    at += ch.length;
  }
  close();
  return { words, starts, ends };
}
