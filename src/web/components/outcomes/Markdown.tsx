import type { ReactNode } from 'react';
import { isHttpUrl } from '../../../domain/links.ts';

/**
 * A deliberately small Markdown renderer: headings, paragraphs, bullet and numbered lists,
 * **bold**, *italic*, `code` and [links](https://…). It builds React elements from text, so no
 * HTML in the source is ever interpreted (a `<script>` shows as text); only http(s) links are
 * made. Small enough to ship in the page chunk, unlike marked + sanitize-html.
 */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown" dir="auto">
      {blocks(source)}
    </div>
  );
}

function blocks(source: string): ReactNode[] {
  const out: ReactNode[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1].length + 2);
      const Tag = `h${level}` as 'h3';
      out.push(<Tag key={i}>{inline(heading[2])}</Tag>);
      i++;
      continue;
    }
    const bullet = /^\s*[-*]\s+/;
    const numbered = /^\s*\d+[.)]\s+/;
    for (const [pattern, List] of [
      [bullet, 'ul'],
      [numbered, 'ol'],
    ] as const) {
      if (!pattern.test(line)) continue;
      const items: ReactNode[] = [];
      const start = i;
      while (i < lines.length && pattern.test(lines[i])) {
        items.push(<li key={i}>{inline(lines[i].replace(pattern, ''))}</li>);
        i++;
      }
      out.push(<List key={start}>{items}</List>);
    }
    if (i < lines.length && lines[i] === line && !bullet.test(line) && !numbered.test(line)) {
      const start = i;
      const para: string[] = [];
      while (
        i < lines.length &&
        lines[i].trim() &&
        !/^#{1,4}\s/.test(lines[i]) &&
        !bullet.test(lines[i]) &&
        !numbered.test(lines[i])
      )
        para.push(lines[i++]);
      out.push(<p key={start}>{inline(para.join(' '))}</p>);
    }
  }
  return out;
}

const INLINE = /(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;

function inline(text: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4)
      return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2)
      return <code key={i}>{part.slice(1, -1)}</code>;
    if (part.startsWith('*') && part.endsWith('*') && part.length > 2)
      return <em key={i}>{part.slice(1, -1)}</em>;
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
    if (link)
      return isHttpUrl(link[2]) ? (
        <a key={i} href={link[2]} rel="noopener noreferrer">
          {link[1]}
        </a>
      ) : (
        <span key={i}>{link[1]}</span>
      );
    return part;
  });
}
