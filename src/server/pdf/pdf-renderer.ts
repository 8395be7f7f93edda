import type { Browser } from 'playwright-core';

/** Debian's Chromium, as the browser tests use it; CHROMIUM_PATH overrides. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const CACHE_LIMIT = 64;

/**
 * Prints report pages to PDF with Chromium: one browser per process, launched on the first
 * PDF asked for and closed with the server; each PDF is cached by its key (report, version,
 * language), which never changes once published.
 */
export class PdfRenderer {
  private browser: Promise<Browser> | null = null;
  private readonly cache = new Map<string, Buffer>();
  private readonly pending = new Map<string, Promise<Buffer>>();

  constructor(private readonly executablePath = '/usr/bin/chromium') {}

  private launch(): Promise<Browser> {
    if (!this.browser) {
      this.browser = import('playwright-core').then(({ chromium }) =>
        chromium.launch({
          executablePath: this.executablePath,
          headless: true,
          args: CHROMIUM_ARGS,
        }),
      );
      // A failed launch is not remembered: the next request tries again.
      this.browser.catch(() => (this.browser = null));
    }
    return this.browser;
  }

  /** The PDF of a self-contained HTML document (no scripts run, no network: everything is inline). */
  async render(key: string, documentHtml: string): Promise<Buffer> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const job = this.print(documentHtml).finally(() => this.pending.delete(key));
    this.pending.set(key, job);
    const pdf = await job;
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, pdf);
    return pdf;
  }

  private async print(documentHtml: string): Promise<Buffer> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(documentHtml, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready).catch(() => undefined);
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
      });
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.cache.clear();
    if (browser) await (await browser.catch(() => null))?.close();
  }
}
