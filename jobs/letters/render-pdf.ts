/**
 * HTML to PDF in Chromium. Batch rendering puts N letters in one document with CSS page breaks
 * and calls `page.pdf()` once (measured: ~4-8x faster than one call per letter). The batch PDF is
 * stored as it is (one font subset for all its letters); print files and single-letter PDFs are
 * cut from stored batch PDFs with pdf-lib when they are asked for (server/letters/page-runs.ts,
 * server/letters/letter-pdfs.ts).
 */
import type { Page } from 'puppeteer-core';

export interface RenderOptions {
  /** Tagged (accessible) PDF costs about twice the time; see docs/readme/letters.md. */
  tagged: boolean;
  timeoutMs?: number;
}

/** Renders one HTML document to PDF in the given tab (which may be reused afterwards). */
export async function pdfOnPage(page: Page, html: string, opts: RenderOptions): Promise<Uint8Array> {
  const timeout = opts.timeoutMs ?? 60_000;
  page.setDefaultTimeout(timeout);
  // Everything is inline (SVG logo, QR, KIX, CSS): no network, so 'load' is enough
  // ('networkidle0' cost ~1.8 s a letter and once hung: docs/readme/letters.md, "Chromium settings").
  await page.setContent(html, { waitUntil: 'load', timeout });
  return page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: opts.tagged, timeout });
}
