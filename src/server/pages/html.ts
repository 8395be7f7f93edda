/**
 * A tiny escaping template for server-rendered pages.
 *
 *   html`<p>Hello ${name}</p>`            // name is escaped
 *   html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`  // nested fragments stay as markup
 *
 * Every interpolation is escaped unless it is itself the result of `html` (a SafeHtml).
 * Arrays are rendered item by item under the same rule; null, undefined and false render
 * nothing, so `${cond && html`...`}` works. There is deliberately no "raw string" escape
 * hatch: markup can only come from template literals written in our own source.
 */

const SAFE = Symbol('SafeHtml');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
  toString(): string;
}

export type HtmlValue =
  SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (character) => ESCAPES[character]);
}

export function isSafeHtml(value: unknown): value is SafeHtml {
  return (
    typeof value === 'object' && value !== null && (value as { [SAFE]?: unknown })[SAFE] === true
  );
}

function safe(value: string): SafeHtml {
  return { [SAFE]: true, value, toString: () => value };
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (isSafeHtml(value)) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are trusted markup, interpolations are escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let index = 0; index < values.length; index += 1) {
    out += render(values[index]) + strings[index + 1];
  }
  return safe(out);
}

export interface DocumentOptions {
  title: string;
  body: SafeHtml;
  lang?: string;
  /** Extra elements for <head> (stylesheets), written with `html`. */
  head?: SafeHtml;
}

/**
 * A complete HTML document: doctype, language, charset, viewport. The body is placed as is,
 * so the caller writes its own landmarks (<header>, exactly one <main>, <footer>).
 */
export function htmlDocument({ title, body, lang = 'en', head }: DocumentOptions): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`.value;
}
