/**
 * One Chromium per worker process, reused by every job, relaunched after a crash. A job that
 * was rendering when the browser died fails with a plain error and BullMQ retries it. Tabs are
 * reused too (a new tab costs ~80-100 ms, a tenth of a 50-letter batch): a job borrows an idle
 * tab and gives it back when it succeeded; a tab whose job failed is closed.
 */
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../../server/core/chromium';
import { config } from '../../server/core/config';
import { logger } from '../../server/core/logger';

export class BrowserHost {
  private browser: Browser | undefined;
  private launching: Promise<Browser> | undefined;
  private closed = false;
  private idle: { page: Page; browser: Browser; uses: number }[] = [];

  /**
   * pageUses: documents per tab before it is closed (default LETTER_TAB_USES). A reused tab's
   * renderer stays warm and grows: measured with 2 tabs x 24 batches of 50, browser PSS ~380 MB
   * with a new tab per batch, ~560-590 MB retiring tabs after 4-8 documents, ~765 MB never
   * retired; a new tab per batch was ~1.5x slower (docs/readme/letters.md).
   */
  constructor(private readonly opts: { pageUses?: number } = {}) {}

  /**
   * Runs `fn` with a tab of the current browser (JavaScript off), reusing an idle one. The tab
   * goes back to the idle list only when `fn` succeeded; after an error it is closed.
   */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const browser = await this.get();
    let entry = this.idle.pop();
    while (entry && (entry.browser !== browser || entry.page.isClosed())) {
      await entry.page.close().catch(() => undefined);
      entry = this.idle.pop();
    }
    if (!entry) {
      const page = await browser.newPage();
      await page.setJavaScriptEnabled(false);
      entry = { page, browser, uses: 0 };
    }
    let ok = false;
    try {
      const result = await fn(entry.page);
      ok = true;
      return result;
    } finally {
      entry.uses++;
      if (
        ok &&
        !this.closed &&
        browser.connected &&
        entry.uses < (this.opts.pageUses ?? config().LETTER_TAB_USES)
      )
        this.idle.push(entry);
      else await entry.page.close().catch(() => undefined);
    }
  }

  /** The running browser, launched (once, however many callers wait) if there is none. */
  async get(): Promise<Browser> {
    if (this.closed) throw new Error('browser host is closed (worker stopping)');
    if (this.browser?.connected) return this.browser;
    this.launching ??= this.launch().finally(() => {
      this.launching = undefined;
    });
    return this.launching;
  }

  /** PID of the Chromium main process, if running (tests and the benchmark use it). */
  pid(): number | undefined {
    return this.browser?.process()?.pid;
  }

  private async launch(): Promise<Browser> {
    const b = await launchChromium({ protocolTimeout: 120_000 });
    b.on('disconnected', () => {
      if (this.browser === b) this.browser = undefined;
      this.idle = this.idle.filter((e) => e.browser !== b);
      if (!this.closed) logger.warn('Chromium disconnected; the next job launches a new one');
    });
    this.browser = b;
    logger.info({ pid: b.process()?.pid }, 'Chromium launched');
    return b;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.idle = [];
    const b = this.browser ?? (await this.launching?.catch(() => undefined));
    this.browser = undefined;
    await b?.close().catch(() => b.process()?.kill('SIGKILL'));
  }
}
