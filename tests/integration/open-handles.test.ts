/**
 * The leak check itself (tests/setup/open-handles.ts, tests/leak-environment.cjs): a pg pool, a
 * Redis connection and a BullMQ worker count as open from the moment they connect until they are
 * closed, named by where the test opened them; closed, nothing is left for the environment to
 * fail the file with.
 */
import { Worker } from 'bullmq';
import { Client } from 'pg';
import { queueOptions } from '../../jobs/queues';
import { createPool } from '../../server/core/db';
import { createRedis } from '../../server/core/redis';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();

const stillOpen = (): Promise<string[]> =>
  (globalThis as unknown as { __pkStillOpen: () => Promise<string[]> }).__pkStillOpen();

test('a pool, a client, a Redis connection and a worker are open until closed', async () => {
  const pool = createPool(t.url, 2);
  await pool.query('SELECT 1');
  const client = new Client({ connectionString: t.url });
  await client.connect();
  const redis = createRedis();
  await redis.ping();
  const worker = new Worker('open-handles-test', async () => undefined, queueOptions());
  await worker.waitUntilReady();

  const open = await stillOpen();
  expect(open).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^PostgreSQL connection opened at .*open-handles\.test\.ts:\d+/),
      expect.stringMatching(/^Redis connection opened at .*open-handles\.test\.ts:\d+/),
      expect.stringMatching(/^BullMQ worker opened at .*open-handles\.test\.ts:\d+/),
    ]),
  );
  // The pool's client, the client, the Redis connection, the worker and its own connections.
  expect(open.length).toBeGreaterThanOrEqual(5);

  await Promise.all([pool.end(), client.end(), redis.quit(), worker.close()]);
  expect(await stillOpen()).toEqual([]);
});
