/**
 * HTML to PDF. Batch rendering puts N letters in one document with CSS page breaks and calls
 * `page.pdf()` once (measured: ~4-8x faster than one call per letter). The batch PDF is stored
 * as it is (one font subset for all its letters); print files and single-letter PDFs are cut
 * from stored batch PDFs with pdf-lib when they are asked for.
 */
import type { Browser, Page } from 'puppeteer-core';
import { PDFDocument } from 'pdf-lib';

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
  // ('networkidle0' cost ~1.8 s a letter and once hung, measured.md).
  await page.setContent(html, { waitUntil: 'load', timeout });
  return page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: opts.tagged, timeout });
}

/** Renders one HTML document to PDF in a fresh tab of the shared browser. */
export async function htmlToPdf(browser: Browser, html: string, opts: RenderOptions): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    return await pdfOnPage(page, html, opts);
  } finally {
    await page.close().catch(() => undefined);
  }
}

const loadPdf = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false });

/** Pages of a PDF (0-based, in the given order) as a new PDF; producer and dates fixed. */
export async function extractPages(pdf: Uint8Array | PDFDocument, pages: number[], fixedDate?: Date): Promise<Uint8Array> {
  const src = pdf instanceof PDFDocument ? pdf : await loadPdf(pdf);
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const p of await doc.copyPages(src, pages)) doc.addPage(p);
  doc.setProducer('Preventiekaart');
  if (fixedDate) {
    doc.setCreationDate(fixedDate);
    doc.setModificationDate(fixedDate);
  }
  return doc.save({ useObjectStreams: true });
}

/** Some pages (null: all pages) of one stored PDF. */
export interface PageRun {
  file: string;
  pages: (number | null)[];
}

/**
 * Groups letters, in print order, into runs of consecutive letters in the same stored file, so
 * each run is one copy from that file (and its fonts are copied once per run, not per page).
 */
export function pageRuns(letters: { file: string; page: number | null }[]): PageRun[] {
  const runs: PageRun[] = [];
  for (const l of letters) {
    const last = runs[runs.length - 1];
    if (last && last.file === l.file) last.pages.push(l.page);
    else runs.push({ file: l.file, pages: [l.page] });
  }
  return runs;
}

/**
 * The print file: the given pages of stored PDFs, run by run, in order. `read` loads a stored
 * file; the last few loaded files are kept, in case a file's letters are not all consecutive.
 */
export async function mergePageRuns(runs: PageRun[], read: (file: string) => Promise<Uint8Array>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setProducer('Preventiekaart');
  doc.setTitle('Preventiebrieven');
  const cache = new Map<string, PDFDocument>();
  for (const run of runs) {
    let src = cache.get(run.file);
    if (!src) {
      src = await loadPdf(await read(run.file));
      if (cache.size >= 4) cache.delete(cache.keys().next().value!);
      cache.set(run.file, src);
    }
    const all = src.getPageIndices();
    const indices = run.pages.flatMap((p) => (p === null ? all : [p]));
    for (const bad of indices.filter((i) => i >= all.length)) throw new Error(`stored PDF ${run.file} has no page ${bad + 1}`);
    for (const p of await doc.copyPages(src, indices)) doc.addPage(p);
  }
  return doc.save({ useObjectStreams: true });
}
