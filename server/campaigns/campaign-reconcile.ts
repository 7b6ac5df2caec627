/** Repairing the queue from the record: Postgres says which letters are not rendered yet. */
import { db } from '../core/db';
import { reenqueuePending } from '../letters/letter-queue';
import * as repo from './campaigns.repo';

/**
 * Re-enqueues every letter Postgres says is not done (one campaign, or all when null), e.g.
 * after Redis lost its data; letters already in a waiting or active job are left alone.
 */
export async function reconcile(
  campaignId: number | null,
): Promise<{ pending: number; jobs: number; letters: number }> {
  const pending = await repo.pendingLetters(db(), campaignId);
  const r = await reenqueuePending(pending);
  return { pending: pending.length, ...r };
}
