/**
 * The audit log: every sign-in and every officer action on personal data is recorded here.
 */
import type { Queryable } from '../core/db';
import { insertAuditEntry } from './audit.repo';

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
  await insertAuditEntry(q, {
    userId: e.userId ?? null,
    actor: e.actor,
    action: e.action,
    municipalityId: e.municipalityId ?? null,
    subjectType: e.subjectType ?? null,
    subjectId: e.subjectId === undefined ? null : String(e.subjectId),
    details: JSON.stringify(e.details ?? {}),
    ip: e.ip ?? null,
  });
}
