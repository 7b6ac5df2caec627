/**
 * SQL lives in repos (`*.repo.ts`) and sql/queries/<domain>/<name>.sql, nowhere else (issue 16
 * item 4): this test reads every string and template literal of the .ts files under server/ and
 * jobs/ (with the TypeScript parser, so comments do not count) and fails on one that holds a
 * statement. Keywords are matched in capitals, as the project writes SQL, so that prose such as
 * "select the addresses from" in a message is not taken for a statement.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

/** Files that may hold SQL although they are no repo, each with the reason. */
const ALLOWED: Record<string, string> = {
  'server/core/migrate.ts':
    'the migration runner: it creates the database and schema_migrations before any query file can be relied on, and applies sql/migrations itself',
};

const STATEMENT =
  /\b(SELECT\s[\s\S]*\bFROM\b|SELECT\s+[a-z_]+\(|INSERT\s+INTO\b|UPDATE\s+\w+(\s+\w+)?\s+SET\b|DELETE\s+FROM\b|(CREATE|ALTER|DROP)\s+(TEMP\s+|TEMPORARY\s+|UNLOGGED\s+)?TABLE\b|TRUNCATE\s+\w|WITH\s+\w+\s+AS\s*\()/;

function tsFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

/** The text of every string and template literal in a file, with its line. */
export function literals(file: string, source: string): { line: number; text: string }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node))
      text = node.head.text + node.templateSpans.map((s) => ` \${} ${s.literal.text}`).join('');
    if (text !== undefined) {
      found.push({ line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
      if (ts.isTemplateExpression(node)) node.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** `file:line: statement` for every literal of `source` that holds SQL. */
export function sqlOutsideRepos(file: string, source: string): string[] {
  return literals(file, source)
    .filter((l) => STATEMENT.test(l.text))
    .map((l) => `${file}:${l.line}: ${l.text.replace(/\s+/g, ' ').trim().slice(0, 80)}`);
}

test('the check sees statements in strings and templates, not in comments or prose', () => {
  const src = [
    '// SELECT id FROM municipalities (a comment)',
    "const a = 'SELECT id FROM municipalities WHERE code = $1';",
    'const b = `INSERT INTO ${table} SELECT * FROM x`;',
    "const c = 'select the addresses from the file';",
    'const d = `UPDATE streets s SET geom = NULL`;',
    'const e = q.query(`CREATE TEMP TABLE t (a int)`);',
    "const f = 'Update the file and set the column';",
  ].join('\n');
  expect(sqlOutsideRepos('x.ts', src).map((s) => s.split(':')[1])).toEqual(['2', '3', '5', '6']);
});

test('no SQL outside repos and sql/queries', () => {
  const files = [...tsFiles('server'), ...tsFiles('jobs')].filter(
    (f) => !f.endsWith('.repo.ts') && !Object.hasOwn(ALLOWED, f),
  );
  expect(files.length).toBeGreaterThan(50);
  const found = files.flatMap((f) => sqlOutsideRepos(f, fs.readFileSync(path.join(ROOT, f), 'utf8')));
  // A statement belongs in sql/queries/<domain>/<name>.sql (header: purpose, params, returns),
  // run by a function of <domain>.repo.ts that loads it with sql('<domain>/<name>').
  expect(found).toEqual([]);
});

test('every allowed file still exists and still needs its exception', () => {
  for (const f of Object.keys(ALLOWED)) {
    expect(sqlOutsideRepos(f, fs.readFileSync(path.join(ROOT, f), 'utf8')).length).toBeGreaterThan(0);
  }
});

test('every query file has a header naming its parameters and what it returns, and every sql() name has a file', () => {
  const files = (function walk(dir: string): string[] {
    return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = path.posix.join(dir, e.name);
      return e.isDirectory() ? walk(rel) : e.name.endsWith('.sql') ? [rel] : [];
    });
  })('sql/queries');
  const unnamed = files.filter((f) => {
    const header = fs
      .readFileSync(path.join(ROOT, f), 'utf8')
      .split('\n')
      .filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('--')))
      .join(' ');
    return !/param/i.test(header) || !/return/i.test(header);
  });
  expect(unnamed).toEqual([]);

  const named = [...tsFiles('server'), ...tsFiles('jobs')].flatMap((f) =>
    [
      ...fs
        .readFileSync(path.join(ROOT, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '') // not the examples in doc comments
        .matchAll(/\bsql\('([^']+)'\)/g),
    ].map((m) => m[1]!),
  );
  expect(named.length).toBeGreaterThan(50);
  expect(named.filter((n) => !files.includes(`sql/queries/${n}.sql`))).toEqual([]);
});
