/**
 * How a batch is cut: the pending letters of a campaign, in print order (postcode, house number,
 * letter, addition; sql/queries/campaigns/pending-letters.sql sorts explicitly), are split into
 * consecutive runs of LETTER_BATCH_SIZE. The worker renders a batch in that order, so every
 * batch PDF is a run of consecutive pages of the print file (server/letters/page-runs.ts).
 */
import { config } from '../core/config';

/**
 * Splits letter ids, already in print order, into batches of `size` (default
 * LETTER_BATCH_SIZE); the order is kept within and across batches, the last batch may be short.
 */
export function letterBatches(letterIds: number[], size = config().LETTER_BATCH_SIZE): number[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`batch size must be a positive integer, not ${size}`);
  const out: number[][] = [];
  for (let i = 0; i < letterIds.length; i += size) out.push(letterIds.slice(i, i + size));
  return out;
}
