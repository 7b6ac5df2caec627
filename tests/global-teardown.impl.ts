/** Drops this run's databases and Redis keys. */
import { Client } from 'pg';
import { Redis } from 'ioredis';

export default async function globalTeardown(): Promise<void> {
  const runId = process.env.PK_TEST_RUN;
  if (!runId) return;
  const admin = new URL(process.env.PK_TEST_DB_BASE!);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  const { rows } = await c.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE datname LIKE $1',
    [`pk_test_${runId}%`],
  );
  for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await c.end();

  const r = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  let cursor = '0';
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${process.env.REDIS_PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await r.del(...keys);
  } while (cursor !== '0');
  await r.quit();
}
