/**
 * Plausibility of an incident's coordinates, in two steps. Here, per row and without the
 * database: the numbers fit their coordinate system (WGS 84 longitude/latitude, RD New inside
 * the Netherlands), and (0, 0) is taken for what it is, a placeholder. In the database
 * (sql/queries/incidents/outside-area.sql): the point lies inside the municipality's area, so
 * swapped latitude and longitude, poles and other countries are caught even where the numbers
 * are valid.
 */
import { RD_BOUNDS, inRd } from '../geo/bounds';

export { RD_BOUNDS, WGS_NL_BOUNDS, inNetherlandsWgs84, inRd } from '../geo/bounds';

/**
 * How far outside a municipality's area an incident may lie: a boundary is exact (1 km for
 * police points snapped across it); the extent of its addresses is a rectangle (2 km); the
 * extent of earlier incidents, where neither is loaded, only a rough idea (10 km).
 */
export const AREA_MARGIN_M = { boundary: 1000, addresses: 2000, incidents: 10000 } as const;

/**
 * The problem with a WGS 84 position, or undefined: outside -180..180 / -90..90 (with a hint
 * when the numbers look like RD New metres, the usual mix-up), or (0, 0). `what` names the
 * fields and values as the message should ("columns 'Longitude'/'Latitude' ('1', '2')").
 */
export function wgs84Problem(what: string, lon: number, lat: number): string | undefined {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    return `${what} are not a WGS 84 longitude/latitude${inRd(lon, lat) ? '; they look like RD New (EPSG:28992) metres' : ''}`;
  }
  if (lon === 0 && lat === 0) return `${what} are no position but the placeholder for a missing one`;
  return undefined;
}

/** The problem with RD New coordinates outside the Netherlands, or undefined. */
export function rdProblem(what: string, x: number, y: number): string | undefined {
  return inRd(x, y)
    ? undefined
    : `${what} lie outside the Netherlands (RD New, EPSG:28992: x ${RD_BOUNDS.minX} to ${RD_BOUNDS.maxX}, y ${RD_BOUNDS.minY} to ${RD_BOUNDS.maxY})`;
}
