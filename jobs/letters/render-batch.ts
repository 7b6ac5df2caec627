/**
 * Renders a batch of letters: one HTML document with one sheet per letter, one `page.pdf()`.
 * The result is the batch PDF with each letter's page in it; it is stored as one file (one font
 * subset for the whole batch), not cut into one file per letter (docs/readme/letters.md).
 * Letters whose data cannot make a letter are returned as failed (with the reason) and left out
 * of the document; a broken template throws TemplateError.
 */
import { ZodError } from 'zod';
import type { RenderRow } from '../../server/campaigns/campaigns.repo';
import { letterInputFromRow } from '../../server/letters/letter-source';
import { letterDocument, renderSheet, TemplateError } from '../../server/letters/letter-templates';
import { buildLetterView } from '../../server/letters/letter-view';
import { pdfPageCount } from '../../server/letters/pdf-pages';
import type { BrowserHost } from './browser-host';
import { pdfOnPage } from './render-pdf';

export interface BatchResult {
  /** PDF files to store; each letter is a page of one (page null: the whole file is the letter). */
  files: { pdf: Uint8Array; letters: { id: number; page: number | null }[] }[];
  failed: { id: number; reason: string }[];
}

function reasonOf(err: unknown): string {
  if (err instanceof ZodError) return err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return (err as Error).message ?? String(err);
}

/** One letter's sheet: the HTML of its page, made by the letter's template. */
export interface Sheet {
  id: number;
  html: string;
}

/**
 * Renders sheets (already made from templates) as one HTML document with one `page.pdf()` in a
 * tab of `host`, and checks that each sheet took exactly one page. If one ran over (the CSS keeps
 * every sheet to one page, so this means a layout change), the sheets are rendered one by one so
 * each keeps all its pages (page null). Tagged PDF doubles the render time; print output is
 * untagged (docs/readme/letters.md, "Tagged or untagged PDF").
 */
export async function renderSheets(
  host: BrowserHost,
  sheets: Sheet[],
  opts: { tagged?: boolean } = {},
): Promise<BatchResult['files']> {
  if (sheets.length === 0) return [];
  const tagged = opts.tagged ?? false;
  const pdf = await host.withPage((page) =>
    pdfOnPage(page, letterDocument(sheets.map((s) => s.html)), { tagged }),
  );
  if ((await pdfPageCount(pdf)) === sheets.length) {
    return [{ pdf, letters: sheets.map((s, i) => ({ id: s.id, page: i })) }];
  }
  const files: BatchResult['files'] = [];
  for (const s of sheets) {
    const one = await host.withPage((page) => pdfOnPage(page, letterDocument([s.html]), { tagged }));
    files.push({ pdf: one, letters: [{ id: s.id, page: null }] });
  }
  return files;
}

/**
 * Renders the letters of a job: each row's sheet from its template and data, then all sheets at
 * once (renderSheets). A row whose data cannot make a letter is returned as failed, with the
 * reason; a broken template throws TemplateError.
 */
export async function renderBatch(
  host: BrowserHost,
  rows: RenderRow[],
  opts: { tagged?: boolean } = {},
): Promise<BatchResult> {
  const failed: BatchResult['failed'] = [];
  const sheets: Sheet[] = [];
  for (const row of rows) {
    try {
      const input = letterInputFromRow(row);
      const html = renderSheet(input.template, input.language, await buildLetterView(input));
      sheets.push({ id: Number(row.id), html });
    } catch (err) {
      if (err instanceof TemplateError) throw err;
      failed.push({ id: Number(row.id), reason: `bad data: ${reasonOf(err)}` });
    }
  }
  return { files: await renderSheets(host, sheets, opts), failed };
}
