import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { html, type SafeHtml } from './html.ts';

/**
 * Report Markdown → HTML through an allowlist. Whatever an editor typed (a <script>, an
 * onerror handler, a javascript: link), only these elements and attributes survive, so the
 * result may be placed in a page. Headings inside a section start at h3: the page owns h1/h2.
 */
const ALLOWLIST: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'b',
    'i',
    'blockquote',
    'code',
    'pre',
    'a',
    'h3',
    'h4',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title'], th: ['scope'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h3',
    h2: 'h3',
    h5: 'h4',
    h6: 'h4',
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
  },
};
ALLOWLIST.allowedAttributes = { ...ALLOWLIST.allowedAttributes, a: ['href', 'title', 'rel'] };

export function sanitisedMarkdown(markdown: string): string {
  const raw = marked.parse(markdown, { async: false, gfm: true });
  return sanitizeHtml(raw, ALLOWLIST);
}

/**
 * The one way sanitised markup enters a page: `html` trusts only its literal parts, so the
 * allowlisted output is handed to it as the literal of a template of one part.
 */
export function renderMarkdown(markdown: string): SafeHtml {
  const clean = sanitisedMarkdown(markdown);
  const literal = Object.assign([clean], { raw: [clean] }) as unknown as TemplateStringsArray;
  return html(literal);
}

/** Markdown as plain text (for feeds, Open Graph, iCal): every tag removed. */
export function markdownAsText(markdown: string): string {
  const text = sanitizeHtml(sanitisedMarkdown(markdown), {
    allowedTags: [],
    allowedAttributes: {},
  });
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
};
/** The entities sanitize-html writes into text, turned back into characters (the caller escapes for its own format). */
function decodeEntities(text: string): string {
  return text
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name])
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}
