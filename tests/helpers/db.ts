/**
 * A database of one's own for a test file: cloned from this run's template (migrated, with
 * the Delft demo area loaded), pointed to by the process-wide pool, dropped afterwards.
 *
 *   const t = useTestDatabase();           // in a describe block or at file level
 *   test('...', async () => { await t.pool.query(...) });
 */
import crypto from 'node:crypto';
import { Client, type Pool } from 'pg';
import { closeDb, createPool, setPool } from '../../server/core/db';
import { dropDatabase } from '../../server/core/migrate';

export interface TestDatabase {
  readonly pool: Pool;
  readonly url: string;
  readonly name: string;
}

function adminUrl(): string {
  const u = new URL(process.env.PK_TEST_DB_BASE!);
  u.pathname = '/postgres';
  return u.toString();
}

/** Creates a clone of the template; returns its URL. */
export async function cloneTemplate(): Promise<{ url: string; name: string }> {
  const runId = process.env.PK_TEST_RUN;
  if (!runId)
    throw new Error('PK_TEST_RUN is not set: run tests through jest (npm test), which prepares the template');
  const name = `pk_test_${runId}_${crypto.randomBytes(4).toString('hex')}`;
  const c = new Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "pk_test_${runId}_tpl"`);
  } finally {
    await c.end();
  }
  const u = new URL(process.env.PK_TEST_DB_BASE!);
  u.pathname = `/${name}`;
  return { url: u.toString(), name };
}

/** Drops one of this run's databases by name. */
export async function dropTestDatabase(name: string): Promise<void> {
  const u = new URL(process.env.PK_TEST_DB_BASE!);
  u.pathname = `/${name}`;
  await dropDatabase(u.toString());
}

/** Registers beforeAll/afterAll hooks that give the file its own database. */
export function useTestDatabase(): TestDatabase {
  const holder: { pool?: Pool; url?: string; name?: string } = {};
  beforeAll(async () => {
    const { url, name } = await cloneTemplate();
    holder.url = url;
    holder.name = name;
    holder.pool = createPool(url, 5);
    setPool(holder.pool);
    process.env.DATABASE_URL = url;
  });
  afterAll(async () => {
    await closeDb();
    if (holder.name) await dropTestDatabase(holder.name);
  });
  return {
    get pool() {
      if (!holder.pool) throw new Error('test database not ready: use it inside a test or hook');
      return holder.pool;
    },
    get url() {
      return holder.url!;
    },
    get name() {
      return holder.name!;
    },
  };
}
