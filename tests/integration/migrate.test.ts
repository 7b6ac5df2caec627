/**
 * The migrator on databases of its own (not the template clone): applies everything once,
 * twice is a no-op, two processes at once apply each migration once (advisory lock), an
 * edited migration is refused, and a failing migration leaves nothing behind.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { createPool } from '../../server/core/db';
import { ensureDatabase, listMigrations, migrate } from '../../server/core/migrate';
import { dropTestDatabase } from '../helpers/db';

const created: string[] = [];
const pools: Pool[] = [];

async function freshDatabase(): Promise<string> {
  const name = `pk_test_${process.env.PK_TEST_RUN}_mig${crypto.randomBytes(3).toString('hex')}`;
  const u = new URL(process.env.PK_TEST_DB_BASE!);
  u.pathname = `/${name}`;
  expect(await ensureDatabase(u.toString())).toBe(true);
  expect(await ensureDatabase(u.toString())).toBe(false);
  created.push(name);
  return u.toString();
}
function pool(url: string): Pool {
  const p = createPool(url, 2);
  pools.push(p);
  return p;
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  for (const name of created) await dropTestDatabase(name);
});

test('two migrate() calls at once apply every migration exactly once; a third applies nothing', async () => {
  const url = await freshDatabase();
  const all = listMigrations().map((m) => m.version);
  expect(all[0]).toBe('0001');
  const [a, b] = await Promise.all([migrate(pool(url)), migrate(pool(url))]);
  expect([...a, ...b].sort()).toEqual(all);
  expect(a.length === 0 || b.length === 0).toBe(true);
  expect(await migrate(pool(url))).toEqual([]);
  const p = pool(url);
  const { rows } = await p.query<{ version: string }>(
    'SELECT version FROM schema_migrations ORDER BY version',
  );
  expect(rows.map((r) => r.version)).toEqual(all);
  // The data model: every geometry column has a GiST index.
  const geo = await p.query<{ tbl: string; col: string; indexed: boolean }>(
    `SELECT c.relname AS tbl, a.attname AS col,
            EXISTS (SELECT 1 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
                    WHERE i.indrelid = c.oid AND a.attnum = ANY (i.indkey) AND am.amname = 'gist') AS indexed
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE a.atttypid = 'geometry'::regtype AND c.relkind = 'r' AND n.nspname = 'public' AND NOT a.attisdropped`,
  );
  expect(geo.rows.length).toBeGreaterThanOrEqual(5); // municipalities, streets, street_segments, addresses, incidents
  expect(geo.rows.filter((r) => !r.indexed)).toEqual([]);
});

describe('with migrations of its own', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-migrations-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('an edited migration is refused, a failing one leaves nothing behind', async () => {
    const url = await freshDatabase();
    const p = pool(url);
    fs.writeFileSync(path.join(dir, '0001_create_things.sql'), 'CREATE TABLE things (id int);');
    expect(await migrate(p, listMigrations(dir))).toEqual(['0001']);

    fs.writeFileSync(path.join(dir, '0002_break_things.sql'), 'CREATE TABLE other (id int); SELECT 1/0;');
    await expect(migrate(p, listMigrations(dir))).rejects.toThrow(
      /0002_break_things\.sql failed: division by zero/,
    );
    const other = await p.query(`SELECT to_regclass('other') AS t`);
    expect(other.rows[0].t).toBeNull();
    fs.rmSync(path.join(dir, '0002_break_things.sql'));

    fs.writeFileSync(path.join(dir, '0001_create_things.sql'), 'CREATE TABLE things (id bigint);');
    await expect(migrate(p, listMigrations(dir))).rejects.toThrow(
      /0001_create_things\.sql was changed after it was applied/,
    );
    // The lock was released: another migrate() does not hang.
    fs.writeFileSync(path.join(dir, '0001_create_things.sql'), 'CREATE TABLE things (id int);');
    expect(await migrate(p, listMigrations(dir))).toEqual([]);
  });
});
