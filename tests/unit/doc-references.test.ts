/**
 * Comments cite documents the reader has: every `*.md` a comment (or message) in server/,
 * jobs/, client/src/ or bench/ names is a file of this repository (README.md, docs/readme/...),
 * not a note kept elsewhere (issue 16: three comments pointed at a file users do not have).
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

test('every .md a source file names exists in the repository', () => {
  const cited = ['server', 'jobs', 'client/src', 'bench'].flatMap(tsFiles).flatMap((f) =>
    [...fs.readFileSync(path.join(ROOT, f), 'utf8').matchAll(/[A-Za-z0-9_./-]+\.md\b/g)].map((m) => ({
      file: f,
      doc: m[0],
    })),
  );
  expect(cited.length).toBeGreaterThan(5);
  // A bare name (README.md) is the one at the top; a path is from the repository's root.
  const missing = cited.filter((c) => !fs.existsSync(path.join(ROOT, c.doc)));
  expect(missing).toEqual([]);
});
