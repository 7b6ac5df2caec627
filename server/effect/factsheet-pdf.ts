/**
 * HTML to an A4 PDF in Chromium, for the council factsheet. A factsheet is asked for a few times
 * a year, so each request starts its own headless Chromium and closes it (about a second) rather
 * than keeping a browser in the server process; the letters' print files stay with the worker.
 */
import puppeteer from 'puppeteer-core';
import { config } from '../core/config';

/** The document printed as PDF (CSS page size, backgrounds, tagged). */
export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const browser = await puppeteer.launch({
    executablePath: config().CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await browser.newPage();
    // Everything is inline (CSS, no images): 'load' is enough, as for the letters.
    await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, timeout: 30_000 });
  } finally {
    await browser.close();
  }
}
