/**
 * PostgreSQL restarted in the middle of an incident import (issue 15), against a PostgreSQL of
 * this file's own (tests/helpers/own-postgres.ts): 40,000 burglaries in one nl-csv file, imported
 * on the command line (`npm run cli -- import-incidents`, a child process) and uploaded to the
 * real server (POST /api/incidents/import); while the import's transaction runs, `pg_ctl stop -m
 * fast`, 2 s away, start. The import is wholly out (no incident, no audit row of an import), the
 * user is told so and what to do next (the CLI's error line, the HTTP 503 answer), and the same
 * file imported again is wholly in. The transaction-outcome check behind that message is tested
 * on its own too (committed / rolled back).
 */
// Must come first: the file gets its own Redis prefix before config() is read.
import '../helpers/own-redis-prefix';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { currentTransactionId, transactionOutcome } from '../../server/core/transaction-outcome.repo';
import { bearer, createTestUser } from '../helpers/app';
import { runCli } from '../helpers/cli';
import { useOwnPostgres } from '../helpers/own-postgres';
import { startServer, stopAll } from '../helpers/processes';

afterAll(() => stopAll());
const pg = useOwnPostgres();
const ROWS = 40_000;
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-pg-import-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** An nl-csv file of `ROWS` burglaries at (near) Delft demo addresses, ids `<tag>-<n>`. */
async function burglaryFile(tag: string): Promise<string> {
  const { rows } = await pg.pool.query<{ x: number; y: number }>(
    'SELECT ST_X(geom) AS x, ST_Y(geom) AS y FROM addresses WHERE residential ORDER BY id LIMIT 2000',
  );
  const lines = ['registratienummer;pleegdatum van;pleegdatum tot;x;y;poging;modus operandi'];
  for (let i = 0; i < ROWS; i++) {
    const a = rows[i % rows.length]!;
    const d = new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 300) * 86_400_000 + (i % 24) * 3_600_000);
    const at = d.toISOString().slice(0, 16).replace('T', ' ');
    const x = (a.x + (i % 7)).toFixed(1).replace('.', ',');
    const y = (a.y + (i % 5)).toFixed(1).replace('.', ',');
    lines.push(`${tag}-${i};${at};${at};${x};${y};${i % 3 ? 'nee' : 'ja'};Cilinder afgebroken`);
  }
  const file = path.join(tmp, `${tag}.csv`);
  fs.writeFileSync(file, lines.join('\r\n'));
  return file;
}

async function counts(tag: string): Promise<{ incidents: number; imports: number }> {
  const { rows } = await pg.pool.query<{ incidents: number; imports: number }>(
    `SELECT (SELECT count(*)::int FROM incidents WHERE external_id LIKE $1) AS incidents,
            (SELECT count(*)::int FROM audit_log WHERE action = 'incidents.import' AND details->>'file' LIKE $2) AS imports`,
    [`${tag}-%`, `%${tag}.csv`],
  );
  return rows[0]!;
}

/**
 * Waits until the import's transaction is past its start (the rows are being staged or merged),
 * then stops PostgreSQL the way an operator's restart does, and starts it 2 s later.
 */
async function restartDuringImport(): Promise<void> {
  const c = new Client({ connectionString: pg.url });
  await c.connect();
  try {
    for (let i = 0; ; i++) {
      const { rows } = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE application_name = 'preventiekaart' AND xact_start IS NOT NULL AND query ILIKE '%incident_stage%'`,
      );
      if (rows[0]!.n > 0) break;
      if (i > 1200) throw new Error('the import never started its transaction');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await c.end();
  }
  pg.server.stop('fast');
  await new Promise((r) => setTimeout(r, 2_000));
  pg.server.start();
}

test('CLI: the import is wholly out and the error line says so; the second run imports it all', async () => {
  const file = await burglaryFile('RESTART-CLI');
  const first = runCli(['import-incidents', file, '--municipality', 'GM0503'], pg.url);
  await restartDuringImport();
  const r = await first;
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(
    /connection to the database was lost during the import of .*RESTART-CLI\.csv.*rolled back: nothing of this file was imported\. Import the same file again/,
  );
  expect(await counts('RESTART-CLI')).toEqual({ incidents: 0, imports: 0 });

  const again = await runCli(['import-incidents', file, '--municipality', 'GM0503'], pg.url);
  expect(again.stderr).toBe('');
  expect(again.code).toBe(0);
  expect(JSON.parse(again.stdout)).toMatchObject({
    committed: true,
    read: ROWS,
    imported: ROWS,
    rejected: 0,
  });
  expect(await counts('RESTART-CLI')).toEqual({ incidents: ROWS, imports: 1 });
}, 180_000);

test('HTTP: the upload answers 503 saying nothing was imported; the second upload imports it all', async () => {
  const officer = await createTestUser(pg.pool, { role: 'officer' });
  const server = await startServer({ DATABASE_URL: pg.url, REDIS_PREFIX: process.env.REDIS_PREFIX });
  const file = await burglaryFile('RESTART-HTTP');
  const upload = () => {
    const form = new FormData();
    form.set('file', new Blob([fs.readFileSync(file)]), 'RESTART-HTTP.csv');
    form.set('municipality', 'GM0503');
    return fetch(`${server.url}/api/incidents/import`, {
      method: 'POST',
      headers: bearer(officer),
      body: form,
    });
  };
  const first = upload();
  await restartDuringImport();
  const res = await first;
  expect(res.status).toBe(503);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('database_unavailable');
  expect(body.error.message).toMatch(
    /rolled back: nothing of this file was imported\. Import the same file again/,
  );
  expect(await counts('RESTART-HTTP')).toEqual({ incidents: 0, imports: 0 });
  expect(server.alive()).toBe(true);

  const again = await upload();
  expect(again.status).toBe(200);
  expect(await again.json()).toMatchObject({ committed: true, imported: ROWS, rejected: 0 });
  expect(await counts('RESTART-HTTP')).toEqual({ incidents: ROWS, imports: 1 });
}, 180_000);

test("a lost transaction's outcome is read back from PostgreSQL: committed or rolled back", async () => {
  const c = await pg.pool.connect();
  try {
    await c.query('BEGIN');
    const committed = await currentTransactionId(c);
    await c.query('COMMIT');
    await c.query('BEGIN');
    const rolledBack = await currentTransactionId(c);
    await c.query('ROLLBACK');
    expect(await transactionOutcome(pg.pool, committed)).toBe('committed');
    expect(await transactionOutcome(pg.pool, rolledBack)).toBe('aborted');
  } finally {
    c.release();
  }
  pg.server.stop('fast');
  try {
    expect(await transactionOutcome(pg.pool, '1', { waitMs: 1_000, everyMs: 200 })).toBe('unknown');
  } finally {
    pg.server.start();
  }
});
