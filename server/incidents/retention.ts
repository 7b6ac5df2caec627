/**
 * Retention: incident detail (exact places and dates of burglaries, the police's free text) is
 * personal data the municipality may keep only for a set period (README.md, "Privacy"; Wpg covenant).
 * Incidents that ended more than INCIDENT_RETENTION_DAYS ago are deleted, in one transaction,
 * with one audit entry per municipality. The worker runs this daily; `purge-incidents` on demand.
 */
import type { Pool } from 'pg';
import { audit } from '../audit/audit';
import { config } from '../core/config';
import { db, withTransaction } from '../core/db';
import { sql } from '../core/sql';

export interface PurgeResult {
  cutoff: string;
  dryRun: boolean;
  deleted: number;
  municipalities: { code: string; n: number }[];
}

export async function purgeExpiredIncidents(
  opts: { actor: string; now?: Date; days?: number; dryRun?: boolean },
  pool: Pool = db(),
): Promise<PurgeResult> {
  const days = opts.days ?? config().INCIDENT_RETENTION_DAYS;
  const cutoff = new Date((opts.now ?? new Date()).getTime() - days * 86_400_000);
  const dryRun = opts.dryRun ?? false;
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ municipality_id: number; code: string; n: number }>(
      sql('incidents/purge-expired'),
      [cutoff, dryRun],
    );
    if (!dryRun) {
      for (const r of rows) {
        await audit(client, {
          actor: opts.actor,
          action: 'incidents.purge',
          municipalityId: r.municipality_id,
          details: { deleted: r.n, cutoff: cutoff.toISOString(), retentionDays: days },
        });
      }
    }
    return {
      cutoff: cutoff.toISOString(),
      dryRun,
      deleted: rows.reduce((sum, r) => sum + r.n, 0),
      municipalities: rows.map((r) => ({ code: r.code, n: r.n })),
    };
  }, pool);
}
