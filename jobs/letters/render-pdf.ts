/**
 * HTML to PDF. Batch rendering puts N letters in one document with CSS page breaks and calls
 * `page.pdf()` once (measured: ~4-8x faster than one call per letter), then cuts the result
 * into one PDF per letter with pdf-lib.
 */
import type { Browser } from 'puppeteer-core';
import { PDFDocument } from 'pdf-lib';

export interface RenderOptions {
  /** Tagged (accessible) PDF costs about twice the time; see docs/readme/letters.md. */
  tagged: boolean;
  timeoutMs?: number;
}

/** Renders one HTML document to PDF in a fresh tab of the shared browser. */
export async function htmlToPdf(browser: Browser, html: string, opts: RenderOptions): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    const timeout = opts.timeoutMs ?? 60_000;
    page.setDefaultTimeout(timeout);
    // Everything is inline (SVG logo, QR, KIX, CSS): no network, so 'load' is enough
    // ('networkidle0' cost ~1.8 s a letter and once hung, measured.md).
    await page.setJavaScriptEnabled(false);
    await page.setContent(html, { waitUntil: 'load', timeout });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: opts.tagged, timeout });
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Cuts a PDF into single-page PDFs, one per page, in order. */
export async function splitPages(pdf: Uint8Array, fixedDate?: Date): Promise<Uint8Array[]> {
  const src = await PDFDocument.load(pdf, { updateMetadata: false });
  const out: Uint8Array[] = [];
  for (let i = 0; i < src.getPageCount(); i++) {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const [p] = await doc.copyPages(src, [i]);
    doc.addPage(p!);
    doc.setProducer('Preventiekaart');
    if (fixedDate) {
      doc.setCreationDate(fixedDate);
      doc.setModificationDate(fixedDate);
    }
    out.push(await doc.save({ useObjectStreams: true }));
  }
  return out;
}

/** Pages of several PDFs, in the given order, as one print file. */
export async function mergePdfs(pdfs: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setProducer('Preventiekaart');
  doc.setTitle('Preventiebrieven');
  for await (const bytes of pdfs) {
    const src = await PDFDocument.load(bytes, { updateMetadata: false });
    const pages = await doc.copyPages(src, src.getPageIndices());
    for (const p of pages) doc.addPage(p);
  }
  return doc.save({ useObjectStreams: true });
}
