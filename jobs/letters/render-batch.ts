/**
 * Renders a batch of letters: one HTML document with one sheet per letter, one `page.pdf()`,
 * cut into one PDF per letter. Letters whose data cannot make a letter are returned as failed
 * (with the reason) and left out of the document; a broken template throws TemplateError.
 */
import { ZodError } from 'zod';
import type { RenderRow } from '../../server/campaigns/campaigns.repo';
import { letterInputFromRow } from '../../server/letters/letter-source';
import { letterDocument, renderSheet, TemplateError } from '../../server/letters/letter-templates';
import { buildLetterView } from '../../server/letters/letter-view';
import type { BrowserHost } from './browser-host';
import { htmlToPdf, splitPages } from './render-pdf';

export interface BatchResult {
  rendered: { id: number; pdf: Uint8Array }[];
  failed: { id: number; reason: string }[];
}

function reasonOf(err: unknown): string {
  if (err instanceof ZodError) return err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return (err as Error).message ?? String(err);
}

/** Tagged PDF doubles the render time; print output is untagged (docs/readme/letters.md). */
export async function renderBatch(host: BrowserHost, rows: RenderRow[], opts: { tagged?: boolean } = {}): Promise<BatchResult> {
  const failed: BatchResult['failed'] = [];
  const sheets: { id: number; html: string; date: Date }[] = [];
  for (const row of rows) {
    try {
      const input = letterInputFromRow(row);
      const html = renderSheet(input.template, input.language, await buildLetterView(input));
      sheets.push({ id: Number(row.id), html, date: new Date(`${input.letterDate}T12:00:00Z`) });
    } catch (err) {
      if (err instanceof TemplateError) throw err;
      failed.push({ id: Number(row.id), reason: `bad data: ${reasonOf(err)}` });
    }
  }
  if (sheets.length === 0) return { rendered: [], failed };
  const tagged = opts.tagged ?? false;
  const browser = await host.get();
  const pdf = await htmlToPdf(browser, letterDocument(sheets.map((s) => s.html)), { tagged });
  const pages = await splitPages(pdf, sheets[0]!.date);
  if (pages.length === sheets.length) {
    return { rendered: sheets.map((s, i) => ({ id: s.id, pdf: pages[i]! })), failed };
  }
  // A letter ran over one page (the CSS keeps every sheet to exactly one page, so this means a
  // layout change): render this batch letter by letter so each keeps all its pages.
  const rendered: BatchResult['rendered'] = [];
  for (const s of sheets) rendered.push({ id: s.id, pdf: await htmlToPdf(browser, letterDocument([s.html]), { tagged }) });
  return { rendered, failed };
}
