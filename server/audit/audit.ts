/**
 * The audit log: every sign-in and every officer action on personal data is recorded here.
 */
import type { Queryable } from '../core/db';

export interface AuditEntry {
  userId?: number | null;
  /** Email of the user, or 'cli:<os user>' for command-line work. */
  actor: string;
  action: string;
  municipalityId?: number | null;
  subjectType?: string;
  subjectId?: string | number;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends one entry; call it inside the transaction of the action it records. */
export async function audit(q: Queryable, e: AuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (user_id, actor, action, municipality_id, subject_type, subject_id, details, ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      e.userId ?? null,
      e.actor,
      e.action,
      e.municipalityId ?? null,
      e.subjectType ?? null,
      e.subjectId === undefined ? null : String(e.subjectId),
      JSON.stringify(e.details ?? {}),
      e.ip ?? null,
    ],
  );
}
