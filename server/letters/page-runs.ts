/**
 * The print file: every rendered letter of a campaign, in print order, as one PDF. A letter is a
 * page of a stored batch PDF (or a whole stored file when it was rendered alone); since batches
 * are cut in print order (server/letters/letter-batches.ts), consecutive letters mostly come from
 * the same batch, and each such run is copied with one `copyPages` call, so a batch's font subset
 * is copied once per run, not once per letter (docs/readme/letters.md, "Print file and zip").
 */
import { PDFDocument } from 'pdf-lib';
import { loadPdf } from './pdf-pages';

/** Some pages (null: all pages) of one stored PDF. */
export interface PageRun {
  file: string;
  pages: (number | null)[];
}

/**
 * Groups letters, in print order, into runs of consecutive letters in the same stored file, so
 * each run is one copy from that file (and its fonts are copied once per run, not per page).
 * The order of the letters is kept; a file that comes back later starts a new run.
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
 * Throws when a run names a page its file does not have.
 */
export async function mergePageRuns(
  runs: PageRun[],
  read: (file: string) => Promise<Uint8Array>,
): Promise<Uint8Array> {
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
    for (const bad of indices.filter((i) => i >= all.length))
      throw new Error(`stored PDF ${run.file} has no page ${bad + 1}`);
    for (const p of await doc.copyPages(src, indices)) doc.addPage(p);
  }
  return doc.save({ useObjectStreams: true });
}
