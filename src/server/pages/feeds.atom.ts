import type { FeedReport } from '../services/feeds.service.ts';
import { escapeHtml } from './html.ts';
import { markdownAsText } from './report.markdown.ts';
import { roundPath } from './report.page.ts';

/** XML text and attribute values: the HTML escapes are all valid XML (&#96; included). */
const x = escapeHtml;

/** An Atom 1.0 feed of published reports; a correction is a new entry version with its note. */
export function renderReportsAtom(reports: FeedReport[], publicUrl: string, now: Date): string {
  const updated = reports[0]?.publishedAt ?? now.toISOString();
  const entries = reports.map((r) => {
    const url = `${publicUrl}${roundPath(r.slug, r.roundNumber)}`;
    const summary = [
      r.correctionNote && `Corrected: ${r.correctionNote}`,
      markdownAsText(r.firstParagraph),
    ]
      .filter(Boolean)
      .join(' — ');
    return `  <entry>
    <id>urn:uuid:${x(r.reportId)}</id>
    <title>${x(r.headline)}</title>
    <link rel="alternate" type="text/html" href="${x(url)}"/>
    <link rel="alternate" type="text/html" hreflang="ur" href="${x(url)}?lang=ur"/>
    <link rel="enclosure" type="application/pdf" href="${x(url)}/report.pdf?lang=en"/>
    <updated>${x(r.publishedAt)}</updated>
    <category term="${x(r.seriesTitle)}"/>
    <summary type="text">${x(summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${x(publicUrl)}/feeds/reports.atom</id>
  <title>Parley: published outcome reports</title>
  <link rel="self" type="application/atom+xml" href="${x(publicUrl)}/feeds/reports.atom"/>
  <link rel="alternate" type="text/html" href="${x(publicUrl)}/"/>
  <author><name>Parley</name></author>
  <updated>${x(updated)}</updated>
${entries.join('\n')}
</feed>
`;
}
