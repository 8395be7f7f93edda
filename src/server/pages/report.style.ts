import { html } from './html.ts';

/**
 * Styles of the public site (series and report pages, and the PDF), inline: the CSP allows
 * inline styles, not scripts. Urdu gets a Nastaliq font stack and the taller line height it needs.
 */
export const PUBLIC_STYLE = html`<style>
  :root {
    color-scheme: light;
    --ink: #1b1f24;
    --muted: #4d5560;
    --line: #d8dde3;
    --accent: #124e8c;
    --paper: #fff;
  }
  * {
    box-sizing: border-box;
  }
  body {
    margin: 0;
    font:
      1.05rem/1.6 system-ui,
      -apple-system,
      'Segoe UI',
      'Noto Sans',
      sans-serif;
    color: var(--ink);
    background: #f6f7f9;
  }
  html[lang='ur'] body {
    font-family:
      'Noto Nastaliq Urdu', 'Jameel Noori Nastaleeq', 'Urdu Typesetting', 'Noto Naskh Arabic', serif;
    line-height: 2.3;
  }
  .skip {
    position: absolute;
    inset-inline-start: -999px;
    top: 0.5rem;
    background: #fff;
    padding: 0.5rem 1rem;
    border: 2px solid var(--accent);
    z-index: 1;
  }
  .skip:focus {
    inset-inline-start: 0.5rem;
  }
  header,
  main,
  footer {
    max-width: 48rem;
    margin: 0 auto;
    padding: 1rem 1.25rem;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5rem;
    align-items: baseline;
  }
  header ol {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0;
    padding: 0;
  }
  header li + li::before {
    content: '›';
    margin-inline-end: 0.4rem;
    color: var(--muted);
  }
  a {
    color: var(--accent);
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  textarea:focus-visible {
    outline: 3px solid #b35900;
    outline-offset: 2px;
  }
  article,
  .panel {
    background: var(--paper);
    border: 1px solid var(--line);
    border-radius: 8px;
    padding: 1.25rem 1.5rem;
    margin: 0 0 1.5rem;
  }
  h1 {
    font-size: 1.55rem;
    line-height: 1.3;
    margin: 0 0 0.5rem;
  }
  html[lang='ur'] h1 {
    line-height: 2;
  }
  /* English names and sub-themes inside an Urdu page: each paragraph takes the direction of its own text. */
  html[dir='rtl'] article p,
  html[dir='rtl'] article li {
    unicode-bidi: plaintext;
  }
  h2 {
    font-size: 1.25rem;
    margin: 1.5rem 0 0.5rem;
  }
  .meta,
  .version {
    color: var(--muted);
    margin: 0 0 1rem;
  }
  .correction {
    border-inline-start: 4px solid #b35900;
    background: #fff7ed;
    padding: 0.5rem 0.75rem;
    margin: 0 0 1rem;
  }
  .theme {
    font-style: italic;
  }
  ul.rounds {
    padding: 0;
    list-style: none;
  }
  ul.rounds li {
    border-top: 1px solid var(--line);
    padding: 0.75rem 0;
  }
  .comment {
    border-top: 1px solid var(--line);
    padding: 0.75rem 0;
  }
  .comment .who {
    font-weight: 600;
    margin: 0;
  }
  .comment .text {
    white-space: pre-wrap;
    margin: 0.25rem 0;
    overflow-wrap: anywhere;
  }
  .replies {
    margin-inline-start: 1.5rem;
  }
  .notice {
    border: 2px solid #1d6b35;
    background: #eefaf1;
    padding: 0.5rem 1rem;
  }
  .errors {
    border: 2px solid #a00000;
    padding: 0.5rem 1rem;
  }
  .error {
    color: #a00000;
    margin: 0.25rem 0 0;
  }
  .hint {
    color: var(--muted);
    margin: 0.25rem 0 0;
    font-size: 0.95rem;
  }
  label {
    display: block;
    font-weight: 600;
    margin-top: 1rem;
  }
  input,
  textarea {
    font: inherit;
    width: 100%;
    padding: 0.5rem;
    border: 1px solid #767676;
    border-radius: 4px;
  }
  textarea {
    min-height: 8rem;
  }
  button {
    font: inherit;
    margin-top: 1rem;
    padding: 0.6rem 1.2rem;
    background: var(--accent);
    color: #fff;
    border: 0;
    border-radius: 4px;
    cursor: pointer;
  }
  .trap {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  footer {
    color: var(--muted);
    font-size: 0.95rem;
  }
  @media print {
    body {
      background: #fff;
    }
    header nav,
    .skip,
    #comments,
    footer,
    .pdf-link {
      display: none;
    }
    article {
      border: 0;
      padding: 0;
    }
  }
</style>`;
