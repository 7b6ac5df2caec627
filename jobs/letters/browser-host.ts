/**
 * One Chromium per worker process, reused by every job, relaunched after a crash. A job that
 * was rendering when the browser died fails with a plain error and BullMQ retries it.
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { config } from '../../server/core/config';
import { logger } from '../../server/core/logger';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  // The Debian wrapper fails to add this itself (measured.md).
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--font-render-hinting=none',
];

export class BrowserHost {
  private browser: Browser | undefined;
  private launching: Promise<Browser> | undefined;
  private closed = false;

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
    const b = await puppeteer.launch({
      executablePath: config().CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      protocolTimeout: 120_000,
    });
    b.on('disconnected', () => {
      if (this.browser === b) this.browser = undefined;
      if (!this.closed) logger.warn('Chromium disconnected; the next job launches a new one');
    });
    this.browser = b;
    logger.info({ pid: b.process()?.pid }, 'Chromium launched');
    return b;
  }

  async close(): Promise<void> {
    this.closed = true;
    const b = this.browser ?? (await this.launching?.catch(() => undefined));
    this.browser = undefined;
    await b?.close().catch(() => b.process()?.kill('SIGKILL'));
  }
}
