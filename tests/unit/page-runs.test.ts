/**
 * The print file's page runs and the pdf-lib cutting, on small PDFs made in memory whose pages
 * are told apart by their width (page i of file f is 100 + 10 * f + i points wide).
 */
import { PDFDocument } from 'pdf-lib';
import { letterPdfs } from '../../server/letters/letter-pdfs';
import { mergePageRuns, pageRuns } from '../../server/letters/page-runs';
import { extractPages, pdfPageCount } from '../../server/letters/pdf-pages';

async function pdfWithPages(file: number, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([100 + 10 * file + i, 200]);
  return doc.save();
}

const widths = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPages().map((p) => p.getWidth());

describe('pageRuns', () => {
  test('consecutive letters of one file are one run; a file that comes back starts a new run', () => {
    expect(
      pageRuns([
        { file: 'a', page: 0 },
        { file: 'a', page: 1 },
        { file: 'b', page: null },
        { file: 'a', page: 3 },
        { file: 'a', page: 4 },
      ]),
    ).toEqual([
      { file: 'a', pages: [0, 1] },
      { file: 'b', pages: [null] },
      { file: 'a', pages: [3, 4] },
    ]);
  });
  test('no letters, no runs; the input is not changed', () => {
    expect(pageRuns([])).toEqual([]);
    const letters = [{ file: 'a', page: 0 }];
    pageRuns(letters);
    expect(letters).toEqual([{ file: 'a', page: 0 }]);
  });
});

describe('mergePageRuns', () => {
  const files: Record<string, Promise<Uint8Array>> = { '1': pdfWithPages(1, 4), '2': pdfWithPages(2, 1) };
  const read = (f: string) => files[f]!;

  test('copies exactly the named pages, run by run, in order (null: the whole file)', async () => {
    const merged = await mergePageRuns(
      [
        { file: '1', pages: [0, 1] },
        { file: '2', pages: [null] },
        { file: '1', pages: [3] },
      ],
      read,
    );
    expect(await widths(merged)).toEqual([110, 111, 120, 113]);
  });
  test('a page the stored file does not have is an error naming the file and page', async () => {
    await expect(mergePageRuns([{ file: '2', pages: [1] }], read)).rejects.toThrow(
      'stored PDF 2 has no page 2',
    );
  });
});

describe('cutting pages', () => {
  test('extractPages keeps the given pages in the given order', async () => {
    expect(await widths(await extractPages(await pdfWithPages(3, 3), [2, 0]))).toEqual([132, 130]);
  });
  test('with a fixed date the same pages give the same bytes', async () => {
    const src = await pdfWithPages(3, 3);
    const at = new Date('2030-01-01T00:00:00Z');
    expect(
      Buffer.from(await extractPages(src, [1], at)).equals(Buffer.from(await extractPages(src, [1], at))),
    ).toBe(true);
  });
  test('letterPdfs yields one PDF per letter: its page of the batch, or the whole file', async () => {
    const stored: Record<string, Uint8Array> = { b: await pdfWithPages(1, 3), s: await pdfWithPages(2, 1) };
    const reads: string[] = [];
    const read = async (f: string) => (reads.push(f), stored[f]!);
    const out: number[][] = [];
    for await (const pdf of letterPdfs(
      [
        { file: 'b', page: 2 },
        { file: 'b', page: 0 },
        { file: 's', page: null },
      ],
      read,
    ))
      out.push(await widths(pdf));
    expect(out).toEqual([[112], [110], [120]]);
    expect(reads).toEqual(['b', 's']); // consecutive letters of one batch load it once
  });
  test('pdfPageCount counts pages, also of a PDF pdf-lib wrote with object streams', async () => {
    expect(await pdfPageCount(await pdfWithPages(1, 3))).toBe(3);
    const doc = await PDFDocument.create();
    for (let i = 0; i < 5; i++) doc.addPage();
    expect(await pdfPageCount(await doc.save({ useObjectStreams: true }))).toBe(5);
  });
});
