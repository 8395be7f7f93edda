import { conflict } from '../http/errors.ts';

/** The fewest consecutive words that make a verbatim quotation. */
export const QUOTE_WORDS = 8;

/** Words of a text with case, punctuation and whitespace normalised away. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

const runs = (ws: string[]) => {
  const out = new Set<string>();
  for (let i = 0; i + QUOTE_WORDS <= ws.length; i++)
    out.add(ws.slice(i, i + QUOTE_WORDS).join(' '));
  return out;
};

/** The first statement that `text` quotes verbatim (QUOTE_WORDS or more consecutive words), or null. */
export function quotedStatement<S extends { id: string; text: string; translation?: string }>(
  text: string,
  statements: readonly S[],
): S | null {
  const inText = runs(words(text));
  if (inText.size === 0) return null;
  for (const s of statements) {
    for (const source of [s.text, s.translation ?? '']) {
      for (const run of runs(words(source))) if (inText.has(run)) return s;
    }
  }
  return null;
}

/**
 * Refuses a text for publication when it quotes a statement said under Chatham House Rule Plus:
 * 409 naming the offending item and the statement, never its author.
 */
export function refuseVerbatimQuotes(
  what: string,
  field: string,
  text: string,
  nonQuotable: readonly { id: string; text: string; translation?: string }[],
) {
  const quoted = quotedStatement(text, nonQuotable);
  if (!quoted) return;
  throw conflict(
    `${what} quotes statement ${quoted.id} verbatim, which was made under Chatham House Rule Plus: rephrase it (no ${QUOTE_WORDS} consecutive words of it) before approving for publication.`,
    [{ field, message: `quotes statement ${quoted.id} verbatim` }],
  );
}
