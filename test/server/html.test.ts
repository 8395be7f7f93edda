import { describe, expect, it } from 'vitest';
import { escapeHtml, html, htmlDocument, isSafeHtml } from '../../src/server/pages/html.ts';

describe('html template', () => {
  it('escapes every interpolation', () => {
    const evil = `<script>alert("x")</script>&'`;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
  });
  it('keeps nested fragments as markup and escapes array items', () => {
    const items = ['a<b', 'c'];
    expect(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`.value).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul>',
    );
    expect(html`${['<i>', html`<b>`]}`.value).toBe('&lt;i&gt;<b>');
  });
  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(html`[${null}${undefined}${false}${0}${true}]`.value).toBe('[0true]');
  });
  it('does not trust a string that merely looks like a fragment', () => {
    const forged = { value: '<script>', toString: () => '<script>' };
    expect(isSafeHtml(forged)).toBe(false);
    expect(html`${forged as unknown as string}`.value).toBe('&lt;script&gt;');
    expect(escapeHtml('`')).toBe('&#96;');
  });
  it('wraps a document with language, charset and an escaped title', () => {
    const doc = htmlDocument({ title: 'A & B', body: html`<main>x</main>`, lang: 'ur' });
    expect(doc.startsWith('<!doctype html>')).toBe(true);
    expect(doc).toContain('<html lang="ur">');
    expect(doc).toContain('<meta charset="utf-8">');
    expect(doc).toContain('<title>A &amp; B</title>');
    expect(doc).toContain('<main>x</main>');
  });
});
