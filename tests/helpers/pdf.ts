/** PDF checks with poppler: text (pdftotext) and page count (pdfinfo). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
