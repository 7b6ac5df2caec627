/**
 * Audit of officers viewing personal data (incident places and dates, clusters, risk zones,
 * officer tiles). Written after a successful answer; repeated views of the same kind by the same
 * user of the same municipality are recorded once per `throttleMinutes`, so a map that loads a
 * hundred tiles leaves one line ("viewed incident tiles of GM0503 at 10:42"), not a hundred.
 */
import type { RequestHandler } from 'express';
import { db } from '../core/db';
import { logger } from '../core/logger';
import { audit } from './audit';

const lastSeen = new Map<string, number>();
const MAX_ENTRIES = 10_000;

/** Records `action` (e.g. 'incidents.view.clusters') for signed-in users once per window. */
export function auditView(action: string, opts: { throttleMinutes?: number } = {}): RequestHandler {
  const windowMs = (opts.throttleMinutes ?? 5) * 60_000;
  return (req, res, next) => {
    res.on('finish', () => {
      const user = req.user;
      if (!user || res.statusCode >= 400) return;
      const municipality = typeof req.query.municipality === 'string' ? req.query.municipality : '';
      const key = `${user.id}|${action}|${municipality}`;
      const now = Date.now();
      if (now - (lastSeen.get(key) ?? 0) < windowMs) return;
      if (lastSeen.size >= MAX_ENTRIES) lastSeen.clear();
      lastSeen.set(key, now);
      audit(db(), {
        userId: user.id,
        actor: user.email,
        action,
        subjectType: 'municipality',
        subjectId: municipality || undefined,
        details: { path: req.path, from: req.query.from, to: req.query.to },
        ip: req.ip ?? null,
      }).catch((err: unknown) => logger.error({ err, action }, 'could not write the audit log'));
    });
    next();
  };
}
