import type { ReportLanguage } from '../../domain/reports.ts';
import type { ReportView } from '../services/public-site.service.ts';
import { html, type SafeHtml } from './html.ts';
import { renderComments, type CommentFormState } from './report.comments.ts';
import { renderPublicDocument } from './report.document.ts';
import { formatDate, formatDates, WORDS } from './report.i18n.ts';
import { markdownAsText, renderMarkdown } from './report.markdown.ts';

export const roundPath = (slug: string, number: number) =>
  `/series/${encodeURIComponent(slug)}/rounds/${number}`;

/** The report itself: headline, when and where, corrections, its sections. Shared by the page and the PDF. */
export function renderReportArticle(
  view: ReportView,
  lang: ReportLanguage,
  options: { pdfLink: boolean },
): SafeHtml {
  const w = WORDS[lang];
  const place = [view.round.venue, view.round.city, view.round.country].filter(Boolean).join(', ');
  const path = roundPath(view.series.slug, view.round.number);
  return html`<article aria-labelledby="report-headline">
  <h1 id="report-headline">${view.text.headline}</h1>
  <p class="meta">${view.series.title} · ${w.round(view.round.number)} · <time datetime="${view.round.startsOn}">${formatDates(view.round.startsOn, view.round.endsOn, lang)}</time> · ${place}</p>
  ${view.corrections.map((c) => html`<p class="correction" role="note">${w.corrected(formatDate(c.on, lang, view.round.timeZone), c.note)}</p>`)}
  ${view.text.sections.map((s) =>
    s.heading
      ? html`<section aria-labelledby="section-${s.key}"><h2 id="section-${s.key}">${s.heading}</h2>${renderMarkdown(s.markdown)}</section>`
      : renderMarkdown(s.markdown),
  )}
  <p class="version">${w.version(view.version, formatDate(view.publishedAt, lang, view.round.timeZone))}</p>
  ${options.pdfLink && html`<p class="pdf-link"><a href="${path}/report.pdf?lang=${lang}">${w.pdf}</a></p>`}
</article>`;
}

function openGraph(view: ReportView, lang: ReportLanguage, publicUrl: string): SafeHtml {
  const url = `${publicUrl}${roundPath(view.series.slug, view.round.number)}${lang === 'ur' ? '?lang=ur' : ''}`;
  const first = view.text.sections[0] ? markdownAsText(view.text.sections[0].markdown) : '';
  const description = first.length > 200 ? `${first.slice(0, 197)}…` : first;
  return html`<meta name="description" content="${description}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Parley">
<meta property="og:title" content="${view.text.headline}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${url}">
<meta property="og:locale" content="${lang === 'ur' ? 'ur_PK' : 'en_GB'}">
<meta property="og:locale:alternate" content="${lang === 'ur' ? 'en_GB' : 'ur_PK'}">
<meta property="article:published_time" content="${view.publishedAt}">
<link rel="canonical" href="${url}">`;
}

/** The public page of a round's published report, with its comments and the comment form. */
export function renderReportPage(
  view: ReportView,
  o: { lang: ReportLanguage; publicUrl: string; csrfToken: string | null; form: CommentFormState },
): string {
  const path = roundPath(view.series.slug, view.round.number);
  const q = o.lang === 'ur' ? '?lang=ur' : '';
  return renderPublicDocument({
    title: `${view.text.headline} · ${view.series.title}`,
    lang: o.lang,
    path,
    head: openGraph(view, o.lang, o.publicUrl),
    breadcrumbs: [
      { href: '/', label: WORDS[o.lang].home },
      { href: `/series/${encodeURIComponent(view.series.slug)}${q}`, label: view.series.title },
      { href: `${path}${q}`, label: WORDS[o.lang].round(view.round.number) },
    ],
    main: html`${renderReportArticle(view, o.lang, { pdfLink: true })}
${renderComments({ threads: view.comments, lang: o.lang, zone: view.round.timeZone, action: `${path}/comments${q}`, pagePath: path, csrfToken: o.csrfToken, state: o.form })}`,
  });
}

/** The report alone, for Chromium to print: same article, no comments, no navigation. */
export function renderReportForPrint(view: ReportView, lang: ReportLanguage): string {
  const path = roundPath(view.series.slug, view.round.number);
  return renderPublicDocument({
    title: view.text.headline,
    lang,
    path,
    breadcrumbs: [],
    main: renderReportArticle(view, lang, { pdfLink: false }),
  });
}
