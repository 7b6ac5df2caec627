/**
 * The council factsheet as an A4 PDF in Chromium. A factsheet is asked for a few times a year,
 * so each request starts its own headless Chromium and closes it (about a second) rather than
 * keeping a browser in the server process; the letters' print files stay with the worker. The
 * same browser first draws the map (MapLibre, in a tab of its own: server/basemap/map-png.ts).
 */
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../core/chromium';

/** Runs `fn` with a fresh headless Chromium and closes it afterwards. */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/** The document printed as PDF (CSS page size, backgrounds, tagged). */
export async function htmlToPdf(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    // Everything is inline (CSS, the map as a data URL): 'load' is enough, as for the letters.
    await page.setJavaScriptEnabled(false);
    await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, timeout: 30_000 });
  } finally {
    await page.close();
  }
}
