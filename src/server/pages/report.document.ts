import type { ReportLanguage } from '../../domain/reports.ts';
import { html, type SafeHtml } from './html.ts';
import { WORDS } from './report.i18n.ts';
import { PUBLIC_STYLE } from './report.style.ts';

export interface PublicDocument {
  title: string;
  lang: ReportLanguage;
  /** Extra elements for <head> (Open Graph, alternates), written with `html`. */
  head?: SafeHtml;
  /** The page's own path without the language query, for the language switch. */
  path: string;
  breadcrumbs: Array<{ href: string; label: string }>;
  main: SafeHtml;
}

/**
 * A page of the public site: language and direction on <html>, the skip link first, a header
 * with breadcrumbs and the language switch, one <main>, a footer with the feeds.
 */
export function renderPublicDocument(d: PublicDocument): string {
  const w = WORDS[d.lang];
  const other = d.lang === 'ur' ? 'en' : 'ur';
  const switchHref = other === 'ur' ? `${d.path}?lang=ur` : d.path;
  return html`<!doctype html>
    <html lang="${d.lang}" dir="${d.lang === 'ur' ? 'rtl' : 'ltr'}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${d.title}</title>
        <link
          rel="alternate"
          type="application/atom+xml"
          title="${w.atom}"
          href="/feeds/reports.atom"
        />
        <link rel="alternate" hreflang="en" href="${d.path}" />
        <link rel="alternate" hreflang="ur" href="${d.path}?lang=ur" />
        ${PUBLIC_STYLE} ${d.head}
      </head>
      <body>
        <a class="skip" href="#main">${w.skip}</a>
        <header>
          <nav aria-label="${w.breadcrumbs}">
            <ol>
              ${d.breadcrumbs.map((b) => html`<li><a href="${b.href}">${b.label}</a></li>`)}
            </ol>
          </nav>
          <nav aria-label="${w.language}">
            <a href="${switchHref}" lang="${other}" hreflang="${other}">${w.otherLanguage}</a>
          </nav>
        </header>
        <main id="main">${d.main}</main>
        <footer>
          <p>
            ${w.footer} ${w.feeds}: <a href="/feeds/reports.atom">${w.atom}</a> ·
            <a href="/feeds/rounds.ics">${w.ics}</a>
          </p>
        </footer>
      </body>
    </html> `.value;
}
