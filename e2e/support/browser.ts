import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core (never `playwright install`): headless, no
 * network side-channels, a fresh profile per run.
 */
export interface TestBrowser {
  browser: Browser;
  /** A new context (its own cookies and localStorage) at a viewport width, in a time zone. */
  newPage(
    width?: number,
    options?: { timezoneId?: string },
  ): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // No --user-data-dir: playwright refuses it for launch() and gives every launch its own fresh
    // temporary profile, deleted on close (and each newContext is as clean as a new profile).
  });
  return {
    browser,
    async newPage(width = 1280, options = {}) {
      const context = await browser.newContext({
        viewport: { width, height: width < 500 ? 780 : 900 },
        locale: 'en-GB',
        ...options,
      });
      const page = await context.newPage();
      // Any uncaught error or console error in the app fails the walk-through that reads these.
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      (page as Page & { appErrors: string[] }).appErrors = errors;
      return { context, page };
    },
    async close() {
      await browser.close();
    },
  };
}

export const appErrors = (page: Page): string[] =>
  (page as Page & { appErrors?: string[] }).appErrors ?? [];

const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

/** Saves the page at phone (360 px) and desktop (1280 px) widths under test-results/screenshots/. */
export async function screenshots(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize();
  const files: string[] = [];
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width < 500 ? 780 : 900 });
    const file = join(SCREENSHOTS, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  if (original) await page.setViewportSize(original);
  return files;
}

const AXE_SOURCE = readFileSync(
  join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core (WCAG 2.x A and AA rules) in the page; returns its serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: an injected <script> would (rightly) be blocked by our CSP.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
