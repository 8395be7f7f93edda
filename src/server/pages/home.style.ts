import { html } from './html.ts';

/** The home page's styles, inline (the CSP allows inline styles, not scripts). Readable on phones, print and zoom. */
export const HOME_STYLE = html`<style>
  :root {
    color-scheme: light;
    --ink: #1b1f24;
    --muted: #4d5560;
    --line: #d8dde3;
    --accent: #124e8c;
  }
  * {
    box-sizing: border-box;
  }
  body {
    margin: 0;
    font:
      1rem/1.55 system-ui,
      -apple-system,
      'Segoe UI',
      sans-serif;
    color: var(--ink);
    background: #f6f7f9;
  }
  .skip {
    position: absolute;
    left: -999px;
    top: 0.5rem;
    background: #fff;
    padding: 0.5rem 1rem;
    border: 2px solid var(--accent);
  }
  .skip:focus {
    left: 0.5rem;
  }
  header,
  main,
  footer {
    max-width: 52rem;
    margin: 0 auto;
    padding: 1rem 1.25rem;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5rem;
  }
  header p {
    margin: 0;
    color: var(--muted);
  }
  h1 {
    font-size: 1.6rem;
    margin: 0;
  }
  h2 {
    font-size: 1.35rem;
    margin: 0 0 0.25rem;
  }
  h3 {
    font-size: 1.1rem;
    margin: 1.25rem 0 0.25rem;
  }
  a {
    color: var(--accent);
  }
  a:focus-visible {
    outline: 3px solid #f5a623;
    outline-offset: 2px;
  }
  article.series {
    background: #fff;
    border: 1px solid var(--line);
    border-radius: 8px;
    padding: 1.25rem 1.5rem;
    margin: 0 0 1.5rem;
  }
  .track {
    display: inline-block;
    font-size: 0.85rem;
    color: var(--muted);
    border: 1px solid var(--line);
    border-radius: 999px;
    padding: 0 0.6rem;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.15rem 1rem;
    margin: 0.75rem 0;
  }
  dl.facts dt {
    color: var(--muted);
  }
  dl.facts dd {
    margin: 0;
  }
  section.round {
    border-top: 1px solid var(--line);
    margin-top: 1rem;
  }
  .when {
    margin: 0;
    color: var(--muted);
  }
  .status {
    font-weight: 600;
    color: var(--ink);
  }
  .theme {
    font-style: italic;
    margin: 0.5rem 0;
  }
  ol.sessions {
    padding-left: 1.25rem;
  }
  ol.sessions li {
    margin: 0.35rem 0;
  }
  .kind {
    font-weight: 600;
  }
  .rule {
    font-size: 0.85rem;
    color: var(--muted);
  }
  footer {
    color: var(--muted);
    font-size: 0.9rem;
  }
</style>`;
