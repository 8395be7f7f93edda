import type { ReportLanguage } from '../../domain/reports.ts';
import type { SeriesView } from '../services/public-site.service.ts';
import { html } from './html.ts';
import { renderPublicDocument } from './report.document.ts';
import { formatDates, WORDS } from './report.i18n.ts';
import { roundPath } from './report.page.ts';

/** The public page of a series: who runs it, and its rounds with a link to each published report. */
export function renderSeriesPage(view: SeriesView, lang: ReportLanguage): string {
  const w = WORDS[lang];
  const q = lang === 'ur' ? '?lang=ur' : '';
  const path = `/series/${encodeURIComponent(view.slug)}`;
  const organisations = view.organisations.map(
    (o) =>
      html`<li>${w.parts[o.part] ?? o.part}: ${o.shortName ? `${o.name} (${o.shortName})` : o.name}</li>`,
  );
  return renderPublicDocument({
    title: `${view.title} · Parley`,
    lang,
    path,
    head: html`<meta property="og:type" content="website"><meta property="og:title" content="${view.title}"><meta property="og:site_name" content="Parley">`,
    breadcrumbs: [
      { href: '/', label: w.home },
      { href: `${path}${q}`, label: view.title },
    ],
    main: html`<article aria-labelledby="series-title">
  <h1 id="series-title">${view.title}</h1>
  ${view.trackLabel && html`<p class="meta">${view.trackLabel}</p>`}
  ${view.description && html`<p lang="en">${view.description}</p>`}
  ${organisations.length > 0 && html`<h2>${w.organisers}</h2><ul>${organisations}</ul>`}
  <h2>${w.rounds}</h2>
  ${
    view.rounds.length
      ? html`<ul class="rounds">
      ${view.rounds.map(
        (r) => html`<li>
        <h3>${w.round(r.number)}: ${[r.venue, r.city, r.country].filter(Boolean).join(', ')}</h3>
        <p class="meta"><time datetime="${r.startsOn}">${formatDates(r.startsOn, r.endsOn, lang)}</time></p>
        ${r.umbrellaTheme && html`<p class="theme">${w.theme}: ${r.umbrellaTheme}</p>`}
        ${
          r.headline
            ? html`<p><a href="${roundPath(view.slug, r.number)}${q}">${w.report}</a>: ${r.headline}</p>`
            : html`<p>${w.noReport}</p>`
        }
      </li>`,
      )}
    </ul>`
      : html`<p>${w.noRounds}</p>`
  }
</article>`,
  });
}
