/** What the officers' page knows of an incident without asking for its address. */

/** An incident as the incident tiles carry it: id, date, attempt, method and street. */
export interface IncidentInfo {
  id: number;
  date: string;
  attempt: boolean;
  modusOperandi: string;
  streetId: number | null;
}

/**
 * Reads an incident from the properties of a feature of the `incidents` tile layer (values in
 * vector tiles may come back as strings).
 *
 * @param p - the feature's properties
 */
export function incidentInfo(p: Record<string, unknown>): IncidentInfo {
  return {
    id: Number(p.id),
    date: String(p.date),
    attempt: p.attempt === true || p.attempt === 'true',
    modusOperandi: String(p.modus_operandi),
    streetId: p.street_id === undefined || p.street_id === null ? null : Number(p.street_id),
  };
}
