/**
 * GeoJSON FeatureCollection of Point features in any CRS named by a `crs` member
 * (`EPSG:28992`, `urn:ogc:def:crs:EPSG::27700`, OGC CRS84 ...; default WGS 84 as RFC 7946 says).
 * The importer checks the EPSG code against PostGIS and PostGIS transforms the points.
 *
 * Properties read (first found wins): id: feature `id`, `external_id`, `registratienummer`,
 * `crime_id`; start: `occurred_from`, `pleegdatum_van`, `date`, `month` (YYYY-MM);
 * end: `occurred_to`, `pleegdatum_tot`; `attempt`/`poging`; `modus_operandi`/`werkwijze`;
 * `location_label`/`straat`/`location`.
 */
import { parseMonth } from '../../core/dates';
import {
  MAX_ID_LENGTH,
  MAX_NAME_LENGTH,
  afterImport,
  classifyModusOperandi,
  contentKey,
  parseDutchDate,
  parseYesNo,
  textProblem,
  type ParseOptions,
  type ParseResult,
  type ParsedIncident,
} from '../incident-row';
import { rdProblem, wgs84Problem } from '../positions';

const COORDINATES = 'geometry.coordinates';
const LABEL = ['location_label', 'location', 'straat'];
const STREET = ['straat', 'street'];
const MO = ['modus_operandi', 'werkwijze'];
const ID = ['external_id', 'registratienummer', 'crime_id'];

/** The EPSG code a GeoJSON `crs` member names, 4326 without one; undefined when unreadable. */
export function crsToEpsg(crs: unknown): number | undefined {
  if (crs === undefined || crs === null) return 4326;
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string') return undefined;
  if (/CRS84$/i.test(name)) return 4326;
  const m = /EPSG:+(?:[\d.]*:)?(\d+)$/i.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** The first of these properties that has a value: its name and its text ('' when none has). */
function firstNamed(p: Record<string, unknown>, names: string[]): { name: string; value: string } {
  for (const n of names) {
    const v = p[n];
    if (v !== undefined && v !== null && String(v).trim() !== '') return { name: n, value: String(v).trim() };
  }
  return { name: names[0]!, value: '' };
}

function firstProp(p: Record<string, unknown>, names: string[]): string {
  return firstNamed(p, names).value;
}

export function parseGeoJson(text: string, opts: ParseOptions): ParseResult & { srid?: number } {
  const result: ParseResult & { srid?: number } = {
    format: 'geojson',
    rows: [],
    read: 0,
    skipped: 0,
    errors: [],
    warnings: [],
  };
  let doc: { type?: unknown; crs?: unknown; features?: unknown };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (err) {
    const pos = /position (\d+)/.exec((err as Error).message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : 1;
    result.errors.push({ line, reason: `not valid JSON (${(err as Error).message})` });
    return result;
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    result.errors.push({
      feature: 'document',
      reason: "expected a GeoJSON FeatureCollection with a 'features' array",
    });
    return result;
  }
  const srid = crsToEpsg(doc.crs);
  if (srid === undefined) {
    result.errors.push({
      feature: 'crs',
      reason: `the crs member ${JSON.stringify(doc.crs).slice(0, 100)} names no EPSG code`,
    });
    return result;
  }
  result.srid = srid;
  const seen = new Map<string, number>();
  doc.features.forEach((f: unknown, i: number) => {
    result.read++;
    const feature = `features[${i}]`;
    const ft = f as {
      id?: unknown;
      geometry?: { type?: unknown; coordinates?: unknown };
      properties?: Record<string, unknown> | null;
    };
    const p = ft?.properties ?? {};
    const problems: string[] = [];
    const coords = ft?.geometry?.coordinates as unknown[] | undefined;
    let x: number | null = null,
      y: number | null = null;
    if (ft?.geometry === null) {
      /* unlocated: allowed */
    } else if (
      ft?.geometry?.type !== 'Point' ||
      !Array.isArray(coords) ||
      coords.length < 2 ||
      !coords.slice(0, 2).every((c) => typeof c === 'number' && Number.isFinite(c))
    ) {
      problems.push(
        `geometry must be a Point with numeric coordinates (found ${String(ft?.geometry?.type ?? 'none')})`,
      );
    } else {
      [x, y] = [coords[0] as number, coords[1] as number];
      const what = `${COORDINATES} (${x}, ${y})`;
      const wrong =
        srid === 4326
          ? wgs84Problem(what, x, y)?.replace(
              /metres$/,
              `metres: name their coordinate system with "crs": {"type": "name", "properties": {"name": "EPSG:28992"}}`,
            )
          : srid === 28992
            ? rdProblem(what, x, y)
            : undefined;
      if (wrong)
        problems.push(
          x === 0 && y === 0 ? `${wrong}; give "geometry": null for an incident without a location` : wrong,
        );
    }
    const start = firstNamed(p, ['occurred_from', 'pleegdatum_van', 'date', 'month']);
    const end = firstNamed(p, ['occurred_to', 'pleegdatum_tot']);
    let from: Date | undefined, to: Date | undefined;
    // A month (police.uk style) is its whole range.
    const month = /^\d{4}-\d{2}$/.test(start.value) ? parseMonth(start.value) : undefined;
    if (month) [from, to] = [month.from, month.to];
    else {
      from = parseDutchDate(start.value);
      to = end.value ? parseDutchDate(end.value) : from;
    }
    if (!from) {
      problems.push(
        `property '${start.name}' is '${start.value}', expected a date (2024-03-05, 2024-03-05T14:30Z) or a month (2024-03)`,
      );
    } else if (!to) problems.push(`property '${end.name}' is '${end.value}', expected a date`);
    else {
      const future =
        afterImport(`property '${start.name}'`, start.value, from, opts.now) ??
        (end.value && !month ? afterImport(`property '${end.name}'`, end.value, to, opts.now) : undefined);
      if (future) problems.push(future);
      else if (to < from) problems.push(`${end.name} lies before ${start.name}`);
    }
    const attempt = parseYesNo(firstProp(p, ['attempt', 'poging']));
    if (attempt === undefined)
      problems.push(`property 'attempt' is '${firstProp(p, ['attempt', 'poging'])}', expected true or false`);
    const fromId = ft.id !== undefined && ft.id !== null && String(ft.id) !== '';
    const idProp = firstNamed(p, ID);
    const id = fromId ? String(ft.id) : idProp.value;
    const idField = fromId ? 'id' : `property '${idProp.name}'`;
    // The texts that are stored: the id, the label and street (indexed), the method of entry.
    const unstorable = [
      textProblem(idField, id, MAX_ID_LENGTH),
      ...[...LABEL, ...STREET].map((n) => textProblem(`property '${n}'`, firstProp(p, [n]), MAX_NAME_LENGTH)),
      ...MO.map((n) => textProblem(`property '${n}'`, firstProp(p, [n]))),
    ].find((x) => x !== undefined);
    if (unstorable) problems.unshift(unstorable);
    if (problems.length) {
      result.errors.push({ feature, reason: problems.join('; ') });
      return;
    }
    const label = firstProp(p, LABEL);
    const mo = firstProp(p, MO);
    const row: ParsedIncident = {
      feature,
      occurredFrom: from!,
      occurredTo: to!,
      attempt: attempt!,
      modusOperandi: classifyModusOperandi(mo),
      moText: mo || null,
      locationLabel: label || null,
      streetName: firstProp(p, STREET) || label.replace(/^on or near /i, '') || null,
      x,
      y,
      srid: x === null ? null : srid,
      positionField: COORDINATES,
      address: null,
    };
    if (id) {
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      row.externalId = n === 1 ? id : `${id}#${n}`;
      row.idSource = { field: idField, given: id };
    } else row.contentKey = contentKey([opts.keyScope, JSON.stringify(ft.geometry), JSON.stringify(p)]);
    result.rows.push(row);
  });
  return result;
}
