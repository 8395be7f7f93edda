import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EvidenceLink } from './EvidenceLink.tsx';

const render = (url: string | null) =>
  renderToStaticMarkup(createElement(EvidenceLink, { url, label: 'source' }));

describe('an evidence link', () => {
  it('links an http(s) URL', () => {
    expect(render('https://example.org/non-paper')).toBe(
      ' (<a href="https://example.org/non-paper" rel="noopener noreferrer">source</a>)',
    );
    expect(render('http://example.org/')).toContain('href="http://example.org/"');
  });

  it('makes no link of any other scheme, even one stored before the API refused it', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'not a url',
      '',
      null,
    ])
      expect(render(url), String(url)).toBe('');
  });
});
