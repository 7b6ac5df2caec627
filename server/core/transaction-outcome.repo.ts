/**
 * What became of a transaction whose connection was lost (PostgreSQL restarted, the network
 * went): a COMMIT that was sent may or may not have been applied. The transaction notes its id
 * first ({@link currentTransactionId}); afterwards, on a new connection, PostgreSQL says whether
 * that id committed ({@link transactionOutcome}, pg_xact_status).
 */
import type { Queryable } from './db';
import { isConnectionLost } from './errors';
import { sql } from './sql';

/** The running transaction's id (call it first inside the transaction). */
export async function currentTransactionId(q: Queryable): Promise<string> {
  const { rows } = await q.query<{ id: string }>(sql('transactions/current-id'));
  return rows[0]!.id;
}

export type TransactionOutcome = 'committed' | 'aborted' | 'unknown';

/**
 * Asks PostgreSQL what became of transaction `id`, retrying while the database is still away
 * (every `everyMs`, up to `waitMs`): 'committed', 'aborted' (rolled back, or lost in a crash),
 * or 'unknown' when the database did not come back in time.
 */
export async function transactionOutcome(
  q: Queryable,
  id: string,
  opts: { waitMs?: number; everyMs?: number } = {},
): Promise<TransactionOutcome> {
  const until = Date.now() + (opts.waitMs ?? 20_000);
  for (;;) {
    try {
      const { rows } = await q.query<{ status: string | null }>(sql('transactions/status'), [id]);
      const s = rows[0]?.status;
      if (s === 'committed') return 'committed';
      if (s === 'aborted') return 'aborted';
      // 'in progress' right after the loss: the server has not yet seen the session end.
    } catch (err) {
      if (!isConnectionLost(err)) throw err;
    }
    if (Date.now() >= until) return 'unknown';
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 500));
  }
}
