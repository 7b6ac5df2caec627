/**
 * PostgreSQL access: one pool per process, transactions on one checked-out client.
 */
import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import { config } from './config';
import { logger } from './logger';

/** Anything that can run a query: the pool or a client inside a transaction. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}

let pool: Pool | undefined;

/** Creates a pool for a connection string (tests create one per database). */
export function createPool(connectionString: string, max = 10): Pool {
  const p = new Pool({ connectionString, max, application_name: 'preventiekaart' });
  // An idle client that loses its connection must not crash the process.
  p.on('error', (err) => logger.error({ err }, 'idle PostgreSQL client error'));
  // Nor may a checked-out one between two statements (a transaction doing work in JavaScript when
  // PostgreSQL restarts): the pool listens only to idle clients, and an 'error' event without a
  // listener is thrown (tests/integration/postgres-restart-import.test.ts). The statement that
  // runs next on it fails and the transaction's client is destroyed, not returned to the pool.
  p.on('connect', (client) =>
    client.on('error', (err) => logger.warn({ err: err.message }, 'PostgreSQL connection lost')),
  );
  return p;
}

/** The process-wide pool for DATABASE_URL. */
export function db(): Pool {
  pool ??= createPool(config().DATABASE_URL);
  return pool;
}

/** Replaces the process-wide pool (tests point the app at their own database). */
export function setPool(p: Pool): void {
  pool = p;
}

export async function closeDb(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.end();
}

/** Runs `fn` in one transaction on one client; rolls back on any error. */
export async function withTransaction<T>(fn: (client: PoolClient) => Promise<T>, p: Pool = db()): Promise<T> {
  const client = await p.connect();
  // A client whose ROLLBACK failed (connection lost mid-transaction) must not go back to the
  // pool: release(err) destroys it instead of handing a broken connection to the next caller.
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((e: Error) => {
      broken = e;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
