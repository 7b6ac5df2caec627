/**
 * The one way the product starts Chromium: puppeteer-core with the Debian binary (CHROMIUM_PATH,
 * never a downloaded browser), headless, as root without the sandbox, /dev/shm left alone (the
 * Debian wrapper means to add --disable-dev-shm-usage but fails to: docs/readme/letters.md,
 * "Chromium settings"), and no background traffic. The letter worker, the letter preview, the
 * factsheet and the glyph builder all launch through here.
 */
import puppeteer, { type Browser, type LaunchOptions } from 'puppeteer-core';
import { config } from './config';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--font-render-hinting=none',
];

/** A headless Chromium; `opts` adds to the defaults (e.g. a protocol timeout). */
export function launchChromium(opts: Omit<LaunchOptions, 'executablePath' | 'args'> = {}): Promise<Browser> {
  return puppeteer.launch({
    executablePath: config().CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    ...opts,
  });
}
