/** The period the officers' page shows: the last so many days. */

export interface Period {
  from: Date;
  to: Date;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The last `days` days, ending at the next full hour: the tile URLs stay the same for an hour
 * (browser cache, one load per tile).
 *
 * @param days - length of the period
 * @param now - milliseconds since the epoch (default: now)
 */
export function period(days: number, now = Date.now()): Period {
  const to = new Date(Math.ceil(now / HOUR_MS) * HOUR_MS);
  return { from: new Date(to.getTime() - days * DAY_MS), to };
}
