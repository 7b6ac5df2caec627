/**
 * Downloading a campaign's letters: the print file (one PDF), the zip (one PDF per address plus
 * the manifest) and the manifest alone. First `prepareExport` decides "may I, and what": access,
 * completeness, the audit entry and the rows, all before anything is written, so a route can
 * still answer an error as JSON; then a writer makes the file.
 */
import type { Writable } from 'node:stream';
import archiver from 'archiver';
import { audit } from '../audit/audit';
import { db, withTransaction } from '../core/db';
import { ConflictError, NotFoundError } from '../core/errors';
import { letterPdfs } from '../letters/letter-pdfs';
import { mergePageRuns, pageRuns } from '../letters/page-runs';
import { getPdf } from '../letters/pdf-store';
import { seesMunicipality } from '../municipalities/municipality-access';
import { type Actor } from './campaign-access';
import { letterFileName, manifestCsv } from './campaign-manifest';
import * as repo from './campaigns.repo';

/** The download asked for, as the audit entry records it. */
export type ExportFormat = 'pdf' | 'zip' | 'manifest';

/** What may be exported: the campaign's rendered letters in print order, already audited. */
export interface CampaignExport {
  campaignId: number;
  language: 'nl' | 'en';
  rows: repo.PrintRow[];
}

/**
 * Checks access (404 unknown campaign, 403 another municipality's) and completeness (409 while
 * letters are still rendering), then reads the letters in print order and audits the download
 * (`campaign.export` with the format) in one transaction. Call it before any header is set.
 */
export async function prepareExport(id: number, actor: Actor, format: ExportFormat): Promise<CampaignExport> {
  const c = await repo.campaignById(db(), id);
  // Another municipality's campaign answers as a missing one: a 403 would confirm the id exists.
  if (!c || !seesMunicipality(actor, c.municipality_id)) throw new NotFoundError(`no campaign ${id}`);
  if (c.cancelled_at) throw new ConflictError(`campaign ${id} was cancelled; it has no print file`);
  if (c.pending > 0) {
    throw new ConflictError(
      `campaign ${id} is still rendering (${c.rendered} of ${c.pending + c.rendered + c.failed} letters done); try again when its status is done`,
    );
  }
  const rows = await withTransaction(async (q) => {
    const rows = await repo.renderedLetters(q, id);
    // From the first download on the campaign counts as printed: it can no longer be cancelled.
    await repo.markExported(q, id);
    await audit(q, {
      userId: actor.userId,
      actor: actor.actor,
      action: 'campaign.export',
      municipalityId: c.municipality_id,
      subjectType: 'campaign',
      subjectId: id,
      details: { format, letters: rows.length },
      ip: actor.ip ?? null,
    });
    return rows;
  });
  return { campaignId: id, language: c.language, rows };
}

/** Where each letter is stored: a page of a batch file (or the whole file). */
const pagesOf = (rows: repo.PrintRow[]) => rows.map((r) => ({ file: r.pdf_sha256, page: r.pdf_page }));

/** One print file, sorted by postcode and house number; 409 when no letter was rendered. */
export async function printFilePdf(exp: CampaignExport): Promise<Uint8Array> {
  if (exp.rows.length === 0)
    throw new ConflictError(`campaign ${exp.campaignId} has no rendered letters to print`);
  // Pages are copied out of the stored batch PDFs, one copy per run of consecutive letters in
  // the same batch: one font subset per batch instead of one per letter.
  return mergePageRuns(pageRuns(pagesOf(exp.rows)), getPdf);
}

/** Streams one PDF per address plus manifest.csv as a zip to `out`; resolves when `out` is done. */
export async function writeZip(exp: CampaignExport, out: Writable): Promise<void> {
  const zip = archiver('zip', { zlib: { level: 1 } }); // PDFs are compressed already
  const done = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('finish', resolve);
    zip.on('error', reject);
    out.on('error', reject);
  });
  zip.pipe(out);
  zip.append(manifestCsv(exp.rows, exp.language), { name: 'manifest.csv' });
  let i = 0;
  for await (const pdf of letterPdfs(pagesOf(exp.rows), getPdf)) {
    zip.append(Buffer.from(pdf), { name: letterFileName(exp.rows[i]!, i + 1) });
    i++;
  }
  await zip.finalize();
  await done;
}

/** The print file of a campaign: prepareExport + printFilePdf. */
export async function exportPrintFile(id: number, actor: Actor): Promise<Uint8Array> {
  return printFilePdf(await prepareExport(id, actor, 'pdf'));
}

/** The address list for the print shop, one row per page of the print file. */
export async function exportManifest(id: number, actor: Actor): Promise<string> {
  const exp = await prepareExport(id, actor, 'manifest');
  return manifestCsv(exp.rows, exp.language);
}

/** One PDF per address plus the manifest, streamed as a zip: prepareExport + writeZip. */
export async function exportZip(id: number, actor: Actor, out: Writable): Promise<void> {
  return writeZip(await prepareExport(id, actor, 'zip'), out);
}
