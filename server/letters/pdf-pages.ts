/**
 * Pages of PDFs with pdf-lib, no browser: counting the pages of a batch PDF and cutting pages out
 * of one. The worker uses the count to check that every letter of a batch took exactly one page;
 * the zip cuts each letter's own PDF out of its stored batch (server/letters/letter-pdfs.ts).
 */
import { PDFDocument } from 'pdf-lib';

/** Loads a PDF without touching its metadata. */
export const loadPdf = (bytes: Uint8Array): Promise<PDFDocument> =>
  PDFDocument.load(bytes, { updateMetadata: false });

/**
 * Number of pages of a PDF made by Chromium: it writes one plain `/Type /Page` object per page
 * (content streams are compressed, so no false hits), which is counted in ~1 ms; should a
 * Chromium version put them in object streams (no hits), pdf-lib parses the file instead.
 */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  const hits =
    Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)
      .toString('latin1')
      .match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
  if (hits > 0) return hits;
  return (await loadPdf(pdf)).getPageCount();
}

/**
 * Pages of a PDF (0-based, in the given order) as a new PDF; the producer is fixed, and the
 * dates too when `fixedDate` is given (then the same pages give the same bytes).
 */
export async function extractPages(
  pdf: Uint8Array | PDFDocument,
  pages: number[],
  fixedDate?: Date,
): Promise<Uint8Array> {
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
