/**
 * Publication of the public figures, month by month. A calendar month is published the first
 * time a public figure is asked for after it ended (the cut-off), and then kept as it was: its
 * counts, the streets as they were, and so its protected groups (public-figures.ts). Later
 * publications repeat it unchanged, so the figures of successive cut-offs can be compared
 * without differencing a small count out. A burglary registered after its month was published
 * counts in the next month published ("late report"), once.
 */
import { audit } from '../audit/audit';
import { db, withTransaction } from '../core/db';
import { monthStart, publishMonth, shiftMonth, type PublishedMonth, type StreetBase } from './public-figures';
import * as repo from './public.repo';

/** How far back a late report is still taken in: the public year of the month that takes it in. */
const LATE_MONTHS = 11;

/**
 * The published months `months` (oldest first) of a municipality; months not yet published
 * are published now, oldest first, from today's streets and burglaries.
 */
export async function publishedYear(
  municipalityId: number,
  months: string[],
  streets: StreetBase[],
  gridM: number,
): Promise<PublishedMonth[]> {
  const have = await repo.publishedMonths(municipalityId, months);
  if (months.some((m) => !have.has(m))) {
    await withTransaction(async (q) => {
      await repo.lockPublication(municipalityId, q);
      // Another process may have published while this one waited for the lock.
      const done = await repo.publishedMonths(municipalityId, months, q);
      for (const month of [...months].sort()) {
        if (done.has(month)) continue;
        const first = await repo.firstPublishedMonth(municipalityId, month, q);
        const lateFrom = first === null ? month : [first, shiftMonth(month, -LATE_MONTHS)].sort()[1]!;
        const groups = await repo.takeMonthIncidents(
          municipalityId,
          month,
          gridM,
          monthStart(lateFrom),
          monthStart(shiftMonth(month, 1)),
          q,
        );
        await repo.storePublishedMonth(municipalityId, publishMonth(month, streets, groups), q);
      }
    });
  }
  return repo.loadPublishedMonths(municipalityId, months);
}

/**
 * Withdraws a municipality's published months, so the next request publishes the public year
 * anew from today's data: for a withdrawn data delivery or a demo reset. Whoever kept the
 * earlier figures can compare them with the new ones: the guarantee across cut-offs starts
 * again from here, which is why it is an audited command and not an HTTP action.
 */
export async function withdrawPublications(municipalityId: number, actor: string): Promise<string[]> {
  return withTransaction(async (q) => {
    await repo.lockPublication(municipalityId, q);
    const months = await repo.withdrawPublications(municipalityId, q);
    await audit(q, {
      actor,
      action: 'public.publications.withdraw',
      municipalityId,
      subjectType: 'municipality',
      subjectId: municipalityId,
      details: { months },
    });
    return months;
  }, db());
}
