/** SQL for subsidy applications (sql/queries/subsidies/). */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';
import type { SubsidyRow } from './subsidy-rows';

function json(rows: readonly SubsidyRow[]): string {
  return JSON.stringify(
    rows.map((r) => ({
      line: r.line,
      postcode: r.postcode,
      huisnummer: r.huisnummer,
      huisletter: r.huisletter,
      toevoeging: r.toevoeging,
      applied_on: r.appliedOn,
      scheme: r.scheme,
      amount_cents: r.amountCents,
    })),
  );
}

/** The line numbers of rows whose address the municipality does not have. */
export async function unmatchedLines(q: Queryable, municipalityId: number, rows: readonly SubsidyRow[]) {
  const r = await q.query<{ line: number }>(sql('subsidies/unmatched-lines'), [municipalityId, json(rows)]);
  return r.rows.map((x) => x.line);
}

/** Stores the rows; answers how many were new. */
export async function insertApplications(
  q: Queryable,
  municipalityId: number,
  rows: readonly SubsidyRow[],
  actor: string,
): Promise<number> {
  const r = await q.query(sql('subsidies/insert-applications'), [municipalityId, json(rows), actor]);
  return r.rowCount ?? 0;
}

export interface StreetApplications {
  streetId: number;
  name: string;
  place: string;
  addresses: number;
  applications: number;
  amountCents: number;
}

/** Applications per street in a period. */
export async function applicationsPerStreet(
  q: Queryable,
  municipalityId: number,
  from: Date,
  to: Date,
): Promise<StreetApplications[]> {
  const r = await q.query<{
    street_id: string;
    name: string;
    place: string;
    addresses: number;
    applications: number;
    amount_cents: string;
  }>(sql('subsidies/per-street'), [municipalityId, from, to]);
  return r.rows.map((x) => ({
    streetId: Number(x.street_id),
    name: x.name,
    place: x.place,
    addresses: x.addresses,
    applications: x.applications,
    amountCents: Number(x.amount_cents),
  }));
}
