/** PDF checks with poppler: text (pdftotext), page count (pdfinfo), QR codes (pdftoppm + jsQR). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

function withFile<T>(pdf: Uint8Array, fn: (file: string) => T): T {
  const file = path.join(os.tmpdir(), `pk-test-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return fn(file);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

export function pdfText(pdf: Uint8Array, opts: { layout?: boolean } = {}): string {
  return withFile(pdf, (f) =>
    execFileSync('pdftotext', [...(opts.layout ? ['-layout'] : []), f, '-'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    }),
  );
}

export function pdfPages(pdf: Uint8Array): number {
  return withFile(pdf, (f) =>
    Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f], { encoding: 'utf8' }))![1]),
  );
}

/** Collapses whitespace, so text checks do not depend on line breaks. */
export const squash = (s: string) => s.replace(/\s+/g, ' ');

/** The QR codes on each page, decoded from the page rendered at 200 dpi (one per page: the first found). */
export function pdfQrCodes(pdf: Uint8Array): Array<string | null> {
  return withFile(pdf, (f) => {
    const prefix = `${f}-page`;
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', f, prefix]);
    const dir = path.dirname(prefix);
    const pages = fs
      .readdirSync(dir)
      .filter((n) => n.startsWith(path.basename(prefix)) && n.endsWith('.png'))
      .sort();
    try {
      return pages.map((n) => {
        const png = PNG.sync.read(fs.readFileSync(path.join(dir, n)));
        return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
      });
    } finally {
      for (const n of pages) fs.rmSync(path.join(dir, n), { force: true });
    }
  });
}
