/**
 * Names and e-mail addresses left for a reminder are deleted after the evening (and for a
 * cancelled evening): by the daily maintenance job (jobs/maintenance-worker.ts) and by
 * `npm run cli -- evenings purge-contacts`. The number of people signed up stays (the officers'
 * figures need it); nothing else personal is stored with a sign-up.
 */
import { audit } from '../audit/audit';
import { db, withTransaction } from '../core/db';
import * as repo from './evenings.repo';

export async function purgeEveningContacts(
  opts: { actor: string; now?: Date } = { actor: 'system' },
): Promise<{ evenings: number; deleted: number }> {
  return withTransaction(async (c) => {
    const rows = await repo.deleteContacts(c, opts.now ?? new Date());
    const deleted = rows.reduce((n, r) => n + r.n, 0);
    if (rows.length > 0)
      await audit(c, {
        userId: null,
        actor: opts.actor,
        action: 'evening.purge-contacts',
        municipalityId: null,
        subjectType: 'evening',
        details: { evenings: rows.map((r) => r.evening_id), deleted },
        ip: null,
      });
    return { evenings: rows.length, deleted };
  }, db());
}
