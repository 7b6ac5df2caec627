/** SQL of the audit log (sql/queries/audit/*.sql). */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';

/** One row of audit_log as stored: ids and texts or null, details as JSON text. */
export interface AuditRow {
  userId: number | null;
  actor: string;
  action: string;
  municipalityId: number | null;
  subjectType: string | null;
  subjectId: string | null;
  details: string;
  ip: string | null;
}

export async function insertAuditEntry(q: Queryable, r: AuditRow): Promise<void> {
  await q.query(sql('audit/insert-entry'), [
    r.userId,
    r.actor,
    r.action,
    r.municipalityId,
    r.subjectType,
    r.subjectId,
    r.details,
    r.ip,
  ]);
}
