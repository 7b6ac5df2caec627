/**
 * One incident with its address, for the officer who asks for it. This is a victim's address:
 * every view is written to the audit log (not throttled), and only officers of the incident's
 * municipality may see it.
 */
import { audit } from '../audit/audit';
import type { CurrentUser } from '../auth/auth.service';
import { seesMunicipality } from '../municipalities/municipality-access';
import { db } from '../core/db';
import { NotFoundError } from '../core/errors';
import { sql } from '../core/sql';
import { houseNumberLabel } from '../letters/postal-address';
import { formatPostcode } from '../imports/address-parts';

export interface IncidentDetail {
  id: number;
  municipality: string;
  source: string;
  /** The police registration number (or the import's content key where the source has none). */
  registration: string;
  occurredFrom: string;
  occurredTo: string;
  attempt: boolean;
  modusOperandi: string;
  modusOperandiLabel: string;
  /** The police's own description of how they got in. */
  moText: string | null;
  street: string | null;
  /** "Mekelweg 12A, 2628 CD Delft" where the incident was matched to an address. */
  address: string | null;
  locationLabel: string | null;
  locationSource: string | null;
  point: [number, number] | null;
}

interface Row {
  id: string;
  municipality_id: number;
  municipality: string;
  source: string;
  external_id: string;
  occurred_from: Date;
  occurred_to: Date;
  attempt: boolean;
  modus_operandi: string;
  modus_operandi_label: string;
  mo_text: string | null;
  location_label: string | null;
  location_source: string | null;
  street_name: string | null;
  address_street: string | null;
  huisnummer: number | null;
  huisletter: string | null;
  toevoeging: string | null;
  postcode: string | null;
  place: string | null;
  lon: number | null;
  lat: number | null;
}

export async function incidentDetail(
  user: CurrentUser,
  id: number,
  ip: string | null,
): Promise<IncidentDetail> {
  const { rows } = await db().query<Row>(sql('incidents/detail'), [id]);
  const r = rows[0];
  // Another municipality's incident answers as a missing one: a 403 would confirm the id exists.
  if (!r || !seesMunicipality(user, r.municipality_id)) throw new NotFoundError(`no incident ${id}`);
  await audit(db(), {
    userId: user.id,
    actor: user.email,
    action: 'incidents.view.detail',
    municipalityId: r.municipality_id,
    subjectType: 'incident',
    subjectId: r.id,
    ip,
  });
  const address =
    r.address_street && r.huisnummer !== null
      ? `${r.address_street} ${houseNumberLabel({ huisnummer: r.huisnummer, huisletter: r.huisletter, toevoeging: r.toevoeging })}, ${
          r.postcode ? `${formatPostcode(r.postcode)} ` : ''
        }${r.place ?? ''}`.trim()
      : null;
  return {
    id: Number(r.id),
    municipality: r.municipality,
    source: r.source,
    registration: r.external_id,
    occurredFrom: r.occurred_from.toISOString(),
    occurredTo: r.occurred_to.toISOString(),
    attempt: r.attempt,
    modusOperandi: r.modus_operandi,
    modusOperandiLabel: r.modus_operandi_label,
    moText: r.mo_text,
    street: r.street_name,
    address,
    locationLabel: r.location_label,
    locationSource: r.location_source,
    point:
      r.lon === null || r.lat === null
        ? null
        : [Math.round(r.lon * 1e6) / 1e6, Math.round(r.lat * 1e6) / 1e6],
  };
}
