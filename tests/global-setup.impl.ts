/**
 * Once per `jest` run: a fresh template database, migrated and loaded with the demo area
 * (Delft), which every test file clones (tests/helpers/db.ts). The run gets its own database
 * names and Redis key prefix, so tests never touch the demo data or another run.
 */
import crypto from 'node:crypto';
import { Client } from 'pg';
import { prepareTemplate } from './helpers/template';

export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${crypto.randomBytes(2).toString('hex')}`;
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  process.env.PK_TEST_RUN = runId;
  process.env.PK_TEST_DB_BASE = base.toString();
  process.env.REDIS_PREFIX = `pk-test-${runId}`;
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
  process.env.NODE_ENV = 'test';

  // Drop leftovers of interrupted runs older than a day.
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  const { rows } = await c.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'pk_test_%'",
  );
  const cutoff = Date.now() - 24 * 3600 * 1000;
  for (const { datname } of rows) {
    const stamp = parseInt(datname.split('_')[2] ?? '', 36);
    if (Number.isFinite(stamp) && stamp < cutoff)
      await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  await c.end();

  await prepareTemplate(base, `pk_test_${runId}_tpl`);
}
