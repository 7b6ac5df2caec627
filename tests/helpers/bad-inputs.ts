/**
 * The bad-input tables of the importers (tests/integration/*-bad-inputs.test.ts): each case
 * is a fixture in tests/fixtures/bad-inputs/<importer>/, named after what it guards, run the
 * way `npm run cli -- <command> FILE ...` runs it, and checked for
 * - the exit status: 1 when the file is refused, 0 when the valid part was kept;
 * - one message naming the file and where (line, feature) and what (field, problem) is wrong:
 *   the one stderr line of a refused file, or the summary's errors and warnings otherwise;
 * - stored data exactly as before (tests/helpers/db-fingerprint.ts), and the attempt in the
 *   audit log under the action the importer records for it.
 */
import path from 'node:path';
import type { Pool } from 'pg';
import { runCliInProcess } from './cli';
import { fingerprint } from './db-fingerprint';

export const BAD_INPUTS = path.resolve(__dirname, '..', 'fixtures', 'bad-inputs');

export interface BadInputCase {
  /** Fixture file under tests/fixtures/bad-inputs/<importer>/, or an absolute path. */
  file: string;
  /** Flags after FILE (besides the table's own). */
  args?: string[];
  exit: 0 | 1;
  /** Where the message says the problem is: 'line 2', 'features[0]', 'n9000000001'; '' for the whole file. */
  where: string;
  /** What it says: the field and the problem. */
  what: RegExp;
  /** What it must not say (e.g. suggest --skip-invalid where that cannot help). */
  not?: RegExp;
  /** The audit row the attempt leaves when not the table's default; null: none (a file GDAL cannot read). */
  audit?: string | null;
}

export interface BadInputTable {
  command: string;
  dir: string;
  /** Flags every case gets (e.g. --municipality CAMBS). */
  args: string[];
  /** Audit action of an accepted import, and of a refused one. */
  acceptedAudit: string;
  rejectedAudit: string;
}

/** Everything an import may change, without the audit log (checked on its own). */
async function dataFingerprint(pool: Pool): Promise<Record<string, string>> {
  const { audit_log: _audit, ...rest } = await fingerprint(pool);
  return rest;
}

async function auditActionsSince(pool: Pool, id: number): Promise<string[]> {
  const { rows } = await pool.query<{ action: string }>(
    'SELECT action FROM audit_log WHERE id > $1 ORDER BY id',
    [id],
  );
  return rows.map((r) => r.action);
}

async function lastAuditId(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ id: string | null }>('SELECT max(id) AS id FROM audit_log');
  return Number(rows[0]!.id ?? 0);
}

/** Runs one case and asserts everything the table promises. */
export async function checkBadInput(pool: Pool, table: BadInputTable, c: BadInputCase): Promise<void> {
  const file = path.isAbsolute(c.file) ? c.file : path.join(BAD_INPUTS, table.dir, c.file);
  const before = await dataFingerprint(pool);
  const auditFrom = await lastAuditId(pool);
  const r = await runCliInProcess([table.command, file, ...table.args, ...(c.args ?? [])]);

  let message: string;
  if (c.exit === 1) {
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    message = lines[0]!;
    expect(message).toMatch(/^error: /);
  } else {
    expect(r.stderr).toBe('');
    const summary = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      file?: string;
      errors: { line?: number; feature?: string; reason: string }[];
      warnings?: string[];
    };
    message = [
      summary.file,
      ...summary.errors.map((e) => `${e.line !== undefined ? `line ${e.line}` : e.feature}: ${e.reason}`),
      ...(summary.warnings ?? []),
    ].join('\n');
  }
  expect({ code: r.code, message }).toEqual({
    code: c.exit,
    message: expect.stringContaining(path.basename(file)),
  });
  if (c.where) expect(message).toContain(c.where);
  expect(message).toMatch(c.what);
  if (c.not) expect(message).not.toMatch(c.not);
  expect(message).not.toMatch(/\n\s+at /);

  expect(await dataFingerprint(pool)).toEqual(before);
  const audited = await auditActionsSince(pool, auditFrom);
  const expected = c.audit !== undefined ? c.audit : c.exit === 0 ? table.acceptedAudit : table.rejectedAudit;
  expect(audited).toEqual(expected ? [expected] : []);
}

/** Registers one test per case, named after its fixture and flags. */
export function badInputTests(table: BadInputTable, pool: () => Pool, cases: BadInputCase[]): void {
  for (const c of cases) {
    const title = `${path.basename(c.file)}${c.args?.length ? ` ${c.args.map((a) => (path.isAbsolute(a) ? path.basename(a) : a)).join(' ')}` : ''}`;
    test(title, () => checkBadInput(pool(), table, c));
  }
}
