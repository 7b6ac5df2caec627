/**
 * A letter as a picture, for the officers' preview before a campaign is sent: the same HTML
 * document the worker prints (letterDocument), drawn by Chromium at A4 size (96 dpi) and
 * captured as PNG. One browser per server process, started on the first preview and closed
 * after a minute without one; the print files are still made by the worker only.
 */
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../core/chromium';

/** A4 at 96 CSS pixels per inch. */
const A4_PX = { width: 794, height: 1123 };
const IDLE_MS = 60_000;

let browser: Promise<Browser> | undefined;
let idle: NodeJS.Timeout | undefined;

function launch(): Promise<Browser> {
  const b = launchChromium();
  b.catch(() => (browser = undefined));
  return b;
}

/** The first page of a letter document as PNG (A4, 794 x 1123 px). */
export async function letterPng(html: string): Promise<Buffer> {
  if (idle) clearTimeout(idle);
  const b = await (browser ??= launch());
  const page = await b.newPage();
  try {
    await page.setViewport({ ...A4_PX, deviceScaleFactor: 1 });
    await page.emulateMediaType('print');
    // Everything is inline (CSS, logo, QR): nothing to wait for beyond 'load'.
    await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
    return Buffer.from(await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...A4_PX } }));
  } finally {
    await page.close().catch(() => undefined);
    idle = setTimeout(() => void closeLetterImages(), IDLE_MS);
    idle.unref();
  }
}

/** Closes the preview browser (server shutdown, tests). */
export async function closeLetterImages(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = undefined;
  const b = browser;
  browser = undefined;
  if (b) await (await b.catch(() => undefined))?.close();
}
