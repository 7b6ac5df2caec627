/** SQL of trial mode (sql/queries/trial/). */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';

export type TrialArm = 'letter' | 'late' | 'none';

export interface TrialAssignment {
  arm: TrialArm;
  releaseAt: Date | null;
  assignedAt: Date;
}

/** The municipality and settings of a burglary (undefined: no such burglary). */
export async function incidentMunicipality(
  q: Queryable,
  incidentId: number,
): Promise<{ municipalityId: number; settings: unknown; hasGeom: boolean } | undefined> {
  const { rows } = await q.query<{ municipality_id: number; settings: unknown; has_geom: boolean }>(
    sql('trial/incident-municipality'),
    [incidentId],
  );
  const r = rows[0];
  return r ? { municipalityId: r.municipality_id, settings: r.settings, hasGeom: r.has_geom } : undefined;
}

/** Records an arm unless the burglary has one; true when this call recorded it. */
export async function assign(
  q: Queryable,
  a: {
    incidentId: number;
    municipalityId: number;
    arm: TrialArm;
    share: number;
    draw: number;
    releaseAt: Date | null;
    actor: string;
  },
): Promise<boolean> {
  const { rowCount } = await q.query(sql('trial/assign'), [
    a.incidentId,
    a.municipalityId,
    a.arm,
    a.share,
    a.draw,
    a.releaseAt,
    a.actor,
  ]);
  return rowCount === 1;
}

/** A burglary's arm (undefined: not in the trial). */
export async function assignment(q: Queryable, incidentId: number): Promise<TrialAssignment | undefined> {
  const { rows } = await q.query<{ arm: TrialArm; release_at: Date | null; assigned_at: Date }>(
    sql('trial/assignment'),
    [incidentId],
  );
  const r = rows[0];
  return r ? { arm: r.arm, releaseAt: r.release_at, assignedAt: r.assigned_at } : undefined;
}

/** Every assigned burglary of a municipality, with whether it got a cocoon campaign. */
export async function assignments(
  q: Queryable,
  municipalityId: number,
): Promise<Array<{ incidentId: number; arm: TrialArm; lettered: boolean }>> {
  const { rows } = await q.query<{ incident_id: string; arm: TrialArm; lettered: boolean }>(
    sql('trial/assignments'),
    [municipalityId],
  );
  return rows.map((r) => ({ incidentId: Number(r.incident_id), arm: r.arm, lettered: r.lettered }));
}
