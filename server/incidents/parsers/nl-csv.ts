/**
 * nl-csv: the Dutch police-to-municipality export. There is no public standard, so columns
 * are found by a configurable mapping (field -> accepted header names). The defaults below
 * accept the usual Dutch headers; a deployment overrides any field with a JSON file
 * (`--mapping FILE`, or the `mapping` form field of the upload), e.g.
 * `{ "registratienummer": "BVH-nummer", "pleegdatum_van": ["Begindatum", "Datum"] }`.
 *
 * Every row needs a registration number, a start date, and either coordinates (RD x/y or
 * WGS 84 lat/lon, inside the Netherlands) or an address (postcode + huisnummer [+ letter/
 * toevoeging]) that the importer geocodes against the loaded BAG addresses.
 */
import { z } from 'zod';
import { BadInputError } from '../../core/errors';
import { normalisePostcode } from '../../imports/address-parts';
import {
  MAX_ID_LENGTH,
  MAX_NAME_LENGTH,
  afterImport,
  classifyModusOperandi,
  contentKey,
  parseDecimal,
  parseDutchDate,
  parseYesNo,
  textProblem,
  type ParseOptions,
  type ParseResult,
  type ParsedIncident,
} from '../incident-row';
import { inNetherlandsWgs84, rdProblem } from '../positions';
import type { CsvRecord } from '../text-file';

export const NL_CSV_FIELDS = [
  'registratienummer',
  'pleegdatum_van',
  'pleegdatum_tot',
  'straat',
  'huisnummer',
  'huisletter',
  'toevoeging',
  'postcode',
  'woonplaats',
  'x',
  'y',
  'lat',
  'lon',
  'poging',
  'modus_operandi',
] as const;
export type NlCsvField = (typeof NL_CSV_FIELDS)[number];

/** Default header names per field (compared case-insensitively, spaces/underscores/dashes alike). */
export const DEFAULT_NL_CSV_MAPPING: Record<NlCsvField, string[]> = {
  registratienummer: [
    'registratienummer',
    'registratie nummer',
    'regnr',
    'bvh nummer',
    'bvh-nummer',
    'zaaknummer',
  ],
  pleegdatum_van: ['pleegdatum van', 'pleegdatum', 'begindatum', 'datum van', 'pleegdatum begin'],
  pleegdatum_tot: ['pleegdatum tot', 'einddatum', 'datum tot', 'pleegdatum eind'],
  straat: ['straat', 'straatnaam', 'openbare ruimte'],
  huisnummer: ['huisnummer', 'huisnr'],
  huisletter: ['huisletter'],
  toevoeging: ['toevoeging', 'huisnummertoevoeging', 'huisnr toevoeging'],
  postcode: ['postcode'],
  woonplaats: ['woonplaats', 'plaats'],
  x: ['x', 'x rd', 'rd x', 'x coordinaat', 'x-coördinaat'],
  y: ['y', 'y rd', 'rd y', 'y coordinaat', 'y-coördinaat'],
  lat: ['lat', 'latitude', 'breedtegraad'],
  lon: ['lon', 'lng', 'longitude', 'lengtegraad'],
  poging: ['poging', 'poging ja/nee', 'poging j/n'],
  modus_operandi: ['modus operandi', 'werkwijze', 'mo'],
};

/** A mapping override as read from JSON: field -> header name or names. */
export const NlCsvMappingOverride = z.partialRecord(
  z.enum(NL_CSV_FIELDS),
  z.union([z.string(), z.array(z.string())]),
);
export type NlCsvMappingOverride = z.infer<typeof NlCsvMappingOverride>;

/** Parses a mapping JSON text; a bad one is a BadInputError naming the problem. */
export function parseMappingJson(text: string, source: string): NlCsvMappingOverride {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new BadInputError(`${source}: the column mapping is not valid JSON`, { cause: err });
  }
  const r = NlCsvMappingOverride.safeParse(json);
  if (!r.success) {
    throw new BadInputError(
      `${source}: the column mapping must map fields (${NL_CSV_FIELDS.join(', ')}) to header names`,
    );
  }
  return r.data;
}

/** Columns whose text is indexed or becomes a street: their length is limited. */
const LIMITED = new Set<NlCsvField>(['registratienummer', 'straat', 'woonplaats']);

const normHeader = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

export function parseNlCsv(
  records: CsvRecord[],
  opts: ParseOptions & { mapping?: NlCsvMappingOverride },
): ParseResult {
  const result: ParseResult = { format: 'nl-csv', rows: [], read: 0, skipped: 0, errors: [], warnings: [] };
  const header = records[0];
  if (!header) {
    result.errors.push({ line: 1, reason: 'the file has no rows' });
    return result;
  }
  const mapping: Record<string, string[]> = { ...DEFAULT_NL_CSV_MAPPING };
  for (const [field, names] of Object.entries(opts.mapping ?? {}))
    mapping[field] = Array.isArray(names) ? names : [names!];
  const headers = header.fields.map(normHeader);
  const col: Partial<Record<NlCsvField, number>> = {};
  for (const field of NL_CSV_FIELDS) {
    const i = headers.findIndex((h) => mapping[field]!.some((n) => normHeader(n) === h));
    if (i >= 0) col[field] = i;
  }
  // A mapped column the header lacks is a mistake in the mapping (or the wrong file): falling
  // back silently would ignore the real id column and key the rows by their content.
  const unmatched = Object.entries(opts.mapping ?? {}).filter(
    ([field]) => col[field as NlCsvField] === undefined,
  );
  if (unmatched.length) {
    result.errors.push({
      line: header.line,
      reason: `${unmatched
        .map(
          ([field, names]) =>
            `the mapping names column ${[names]
              .flat()
              .map((n) => `'${n}'`)
              .join(' or ')} for ${field}`,
        )
        .join(
          '; ',
        )}, but the header has no such column; found '${header.fields.join(', ').slice(0, 200)}'. Fix the mapping file or the header`,
    });
    result.fatal = true;
    return result;
  }
  const hasCoords =
    (col.x !== undefined && col.y !== undefined) || (col.lat !== undefined && col.lon !== undefined);
  const hasAddress = col.postcode !== undefined && col.huisnummer !== undefined;
  const missing: string[] = [];
  if (col.pleegdatum_van === undefined)
    missing.push(`pleegdatum_van (${mapping.pleegdatum_van!.join(' / ')})`);
  if (!hasCoords && !hasAddress) missing.push('x and y, lat and lon, or postcode and huisnummer');
  if (missing.length) {
    result.errors.push({
      line: header.line,
      reason: `the header does not name the column(s) ${missing.join('; ')}; found '${header.fields.join(', ').slice(0, 200)}'. Map your column names with --mapping FILE (see docs/readme/incidents.md)`,
    });
    return result;
  }
  if (col.registratienummer === undefined) {
    result.warnings.push('no registratienummer column: rows are keyed by their content');
  }

  const seenIds = new Map<string, number>();
  for (const { line, fields } of records.slice(1)) {
    result.read++;
    const get = (f: NlCsvField): string => (col[f] === undefined ? '' : (fields[col[f]!] ?? '').trim());
    const problems: string[] = [];
    if (fields.length !== header.fields.length) {
      result.errors.push({
        line,
        reason: `expected ${header.fields.length} columns like the header, found ${fields.length}`,
      });
      continue;
    }
    const unstorable = (Object.entries(col) as [NlCsvField, number][])
      .map(([field, i]) =>
        textProblem(
          `column '${field}'`,
          fields[i] ?? '',
          LIMITED.has(field) ? (field === 'registratienummer' ? MAX_ID_LENGTH : MAX_NAME_LENGTH) : undefined,
        ),
      )
      .find((p) => p !== undefined);
    if (unstorable) {
      result.errors.push({ line, reason: unstorable });
      continue;
    }
    const id = get('registratienummer');
    if (col.registratienummer !== undefined && !id) problems.push("column 'registratienummer' is empty");
    if (id && seenIds.has(id))
      problems.push(`registratienummer '${id}' also appears on line ${seenIds.get(id)}`);
    const from = parseDutchDate(get('pleegdatum_van'));
    if (!from)
      problems.push(
        `column 'pleegdatum_van' is '${get('pleegdatum_van')}', expected a date like 2024-03-05 or 05-03-2024 14:30`,
      );
    else {
      const future = afterImport("column 'pleegdatum_van'", get('pleegdatum_van'), from, opts.now);
      if (future) problems.push(future);
    }
    let to = from;
    if (get('pleegdatum_tot')) {
      to = parseDutchDate(get('pleegdatum_tot'));
      const future = to && afterImport("column 'pleegdatum_tot'", get('pleegdatum_tot'), to, opts.now);
      if (!to) problems.push(`column 'pleegdatum_tot' is '${get('pleegdatum_tot')}', expected a date`);
      else if (future) problems.push(future);
      else if (from && to < from) problems.push('pleegdatum_tot lies before pleegdatum_van');
    }
    const attempt = parseYesNo(get('poging'));
    if (attempt === undefined) problems.push(`column 'poging' is '${get('poging')}', expected ja or nee`);

    let x: number | null = null,
      y: number | null = null,
      srid: number | null = null;
    let positionField: string | undefined;
    if (get('x') || get('y')) {
      const px = parseDecimal(get('x')),
        py = parseDecimal(get('y'));
      if (px === undefined || py === undefined)
        problems.push(`columns 'x'/'y' ('${get('x')}', '${get('y')}') are not numbers`);
      else {
        const outside = rdProblem(`columns 'x'/'y' (${px}, ${py})`, px, py);
        if (outside) problems.push(outside);
        else [x, y, srid, positionField] = [px, py, 28992, "columns 'x'/'y'"];
      }
    } else if (get('lat') || get('lon')) {
      const lat = parseDecimal(get('lat')),
        lon = parseDecimal(get('lon'));
      if (lat === undefined || lon === undefined)
        problems.push(`columns 'lat'/'lon' ('${get('lat')}', '${get('lon')}') are not numbers`);
      else if (!inNetherlandsWgs84(lon, lat)) {
        const swapped = inNetherlandsWgs84(lat, lon)
          ? '; with the two swapped they would: check which column is which'
          : '';
        problems.push(`columns 'lat'/'lon' (${lat}, ${lon}) lie outside the Netherlands${swapped}`);
      } else [x, y, srid, positionField] = [lon, lat, 4326, "columns 'lat'/'lon'"];
    }
    let address: ParsedIncident['address'] = null;
    if (x === null && !problems.some((p) => p.startsWith("columns 'x'") || p.startsWith("columns 'lat'"))) {
      const pc = normalisePostcode(get('postcode'));
      const hn = Number(get('huisnummer'));
      if (!get('postcode') && !get('huisnummer')) {
        problems.push(
          'the row has neither coordinates nor a postcode and huisnummer; every row needs one of them',
        );
      } else if (!pc)
        problems.push(`column 'postcode' is '${get('postcode')}', expected a Dutch postcode like 2628 CD`);
      else if (!/^\d{1,5}$/.test(get('huisnummer')) || hn < 1) {
        problems.push(
          `column 'huisnummer' is '${get('huisnummer')}', expected a house number from 1 to 99999`,
        );
      } else {
        address = {
          postcode: pc,
          huisnummer: hn,
          huisletter: get('huisletter') ? get('huisletter').toUpperCase() : null,
          toevoeging: get('toevoeging') ? get('toevoeging').toUpperCase() : null,
        };
      }
    }
    if (problems.length) {
      result.errors.push({ line, reason: problems.join('; ') });
      continue;
    }
    if (id) seenIds.set(id, line);
    const mo = get('modus_operandi');
    const street = get('straat');
    const row: ParsedIncident = {
      line,
      occurredFrom: from!,
      occurredTo: to!,
      attempt: attempt!,
      modusOperandi: classifyModusOperandi(mo),
      moText: mo || null,
      locationLabel: street || null,
      streetName: street || null,
      x,
      y,
      srid,
      positionField,
      address,
    };
    if (id) {
      row.externalId = id;
      row.idSource = { field: "column 'registratienummer'", given: id };
    } else row.contentKey = contentKey([opts.keyScope, ...fields]);
    result.rows.push(row);
  }
  return result;
}
