/** SQL for the effect figures (sql/queries/effect/). */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';

export interface IndexBurglaryRow {
  id: number;
  occurredFrom: Date;
  treated: boolean;
  followOns: number;
}

export interface CocoonParams {
  municipalityId: number;
  from: Date;
  to: Date;
  distanceM: number;
  days: number;
  letterHours: number;
  observedUntil: Date;
}

/** Index burglaries in a period with their follow-ons and whether their cocoon got letters. */
export async function indexBurglaries(q: Queryable, p: CocoonParams): Promise<IndexBurglaryRow[]> {
  const { rows } = await q.query<{ id: string; occurred_from: Date; treated: boolean; follow_ons: number }>(
    sql('effect/index-burglaries'),
    [p.municipalityId, p.from, p.to, p.distanceM, p.days, p.letterHours, p.observedUntil],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    occurredFrom: r.occurred_from,
    treated: r.treated,
    followOns: r.follow_ons,
  }));
}

/** When the municipality's first campaign was made (undefined: none yet). */
export async function firstCampaignAt(q: Queryable, municipalityId: number): Promise<Date | undefined> {
  const { rows } = await q.query<{ first_at: Date | null }>(sql('effect/first-campaign'), [municipalityId]);
  return rows[0]?.first_at ?? undefined;
}
