import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown.tsx';

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe('the outcomes Markdown renderer', () => {
  it('renders headings, paragraphs, lists and inline emphasis', () => {
    expect(render('# Findings\n\nBoth **agree** on *data*.\n\n- one\n- two\n\n1. first')).toBe(
      '<div class="markdown" dir="auto"><h3>Findings</h3><p>Both <strong>agree</strong> on <em>data</em>.</p><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol></div>',
    );
  });

  it('shows script and event-handler payloads as text, never as markup', () => {
    const html = render('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
  });

  it('links only http(s) addresses', () => {
    expect(render('[site](https://example.org) and [bad](javascript:alert(1))')).toBe(
      '<div class="markdown" dir="auto"><p><a href="https://example.org" rel="noopener noreferrer">site</a> and <span>bad</span>)</p></div>',
    );
  });
});
