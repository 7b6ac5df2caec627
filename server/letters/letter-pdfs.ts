/**
 * Each letter's own PDF, cut out of the stored batch PDF when it is asked for (the zip export):
 * the worker stores only the batch, one file with one page per letter.
 */
import type { PDFDocument } from 'pdf-lib';
import { extractPages, loadPdf } from './pdf-pages';

/**
 * Yields one PDF per letter, in the given order. A letter is page `page` (0-based) of the stored
 * file `file`, or the whole file when `page` is null; `read` loads a stored file. Consecutive
 * letters of one batch load it once.
 */
export async function* letterPdfs(
  letters: { file: string; page: number | null }[],
  read: (file: string) => Promise<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  let loaded: { file: string; doc: PDFDocument } | undefined;
  for (const l of letters) {
    if (l.page === null) {
      yield await read(l.file);
      continue;
    }
    if (loaded?.file !== l.file) loaded = { file: l.file, doc: await loadPdf(await read(l.file)) };
    yield await extractPages(loaded.doc, [l.page]);
  }
}
