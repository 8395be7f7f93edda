/**
 * CSV formula injection (OWASP): a spreadsheet runs a cell that starts with =, +, -, @, a tab or
 * a CR as a formula, so a statement like =HYPERLINK("http://evil") would act in the organiser's
 * spreadsheet. Every text cell Parley writes is neutralised by a leading single quote; numbers
 * (votes of -1, counts) are written as they are. Text already starting with quotes before such a
 * character gets one more quote, so Parley's reader can take exactly one off (a lossless round trip).
 */
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** The text as a spreadsheet shows it, never as a formula. */
export const neutraliseFormula = (text: string): string =>
  NEEDS_QUOTE.test(text) ? `'${text}` : text;

/** Undoes `neutraliseFormula`: the reader's side. */
export const restoreFormula = (text: string): string =>
  NEUTRALISED.test(text) ? text.slice(1) : text;

/**
 * One CSV field: a string is text (neutralised, then quoted when it holds a comma, quote, CR or
 * LF, RFC 4180); a number is written as a number, so -1 stays -1.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
