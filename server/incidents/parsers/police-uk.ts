/**
 * police.uk street-level CSV (England, Wales, Northern Ireland; OGL v3). Only `Burglary` rows
 * are incidents; other crime types are counted as skipped. Month (YYYY-MM) becomes the month's
 * date range; coordinates are already snapped to anonymous map points; rows without them are
 * kept unlocated (or located by their "On or near <street>" label by the importer).
 *
 * Identity: the Crime ID where given (a repeat in one file gets '#2', '#3'); otherwise the
 * row's content plus its position among identical rows, because police.uk snaps many crimes
 * to one point in one month and identical rows are distinct burglaries.
 */
import { parseMonth } from '../../core/dates';
import {
  MAX_ID_LENGTH,
  MAX_NAME_LENGTH,
  afterImport,
  contentKey,
  textProblem,
  type ParseOptions,
  type ParseResult,
  type ParsedIncident,
} from '../incident-row';
import { wgs84Problem } from '../positions';
import type { CsvRecord } from '../text-file';

export const POLICE_UK_HEADER = [
  'Crime ID',
  'Month',
  'Reported by',
  'Falls within',
  'Longitude',
  'Latitude',
  'Location',
  'LSOA code',
  'LSOA name',
  'Crime type',
  'Last outcome category',
  'Context',
];

const POSITION = "columns 'Longitude'/'Latitude'";

const norm = (s: string): string => s.trim().toLowerCase();

/** True when a record is the standard police.uk header. */
export function isPoliceUkHeader(fields: string[]): boolean {
  return (
    fields.length === POLICE_UK_HEADER.length &&
    fields.every((f, i) => norm(f) === norm(POLICE_UK_HEADER[i]!))
  );
}

/** True when a record looks like a police.uk data row: 12 columns, YYYY-MM in column 2. */
export function looksLikePoliceUkRow(fields: string[]): boolean {
  return fields.length === POLICE_UK_HEADER.length && /^\d{4}-\d{2}$/.test(fields[1]!.trim());
}

/** The label's street: "On or near High Street" -> "High Street"; police.uk placeholders give null. */
export function streetFromLabel(label: string): string | null {
  const m = /^on or near (.+)$/i.exec(label.trim());
  if (!m) return null;
  const name = m[1]!.trim();
  // police.uk names non-street map points by their kind ("Parking Area", "Supermarket",
  // "Sports/Recreation Area"): those are not streets.
  if (
    /\/|^(parking area|supermarket|petrol station|nightclub|shopping area|hospital|police station|prison|airport|theatre|further|conference|pedestrian subway|bus|train station)/i.test(
      name,
    )
  ) {
    return null;
  }
  return name;
}

export function parsePoliceUk(records: CsvRecord[], opts: ParseOptions): ParseResult {
  const result: ParseResult = {
    format: 'police-uk',
    rows: [],
    read: 0,
    skipped: 0,
    errors: [],
    warnings: [],
  };
  const first = records[0];
  if (!first) {
    result.errors.push({ line: 1, reason: 'the file has no rows' });
    return result;
  }
  let data = records;
  if (isPoliceUkHeader(first.fields)) data = records.slice(1);
  else if (looksLikePoliceUkRow(first.fields)) {
    result.warnings.push(
      'the file has no header line; it was recognised as a police.uk street file by its shape (12 columns, YYYY-MM in column 2)',
    );
  } else {
    result.errors.push({
      line: first.line,
      reason: `not a police.uk street file: expected the header '${POLICE_UK_HEADER.join(',')}' (or, without a header, 12 columns with YYYY-MM in column 2), found ${first.fields.length} column(s) starting '${first.fields.slice(0, 3).join(',').slice(0, 80)}'`,
    });
    return result;
  }

  const seen = new Map<string, number>();
  const bad = (line: number, reason: string): void => {
    result.errors.push({ line, reason });
  };
  for (const { line, fields } of data) {
    if (isPoliceUkHeader(fields)) {
      // `cat jan.csv jan.csv > both.csv`: the second copy would be imported as '#2' repeats.
      // Skipping the line would not help, so the file is refused whatever --skip-invalid says.
      bad(
        line,
        'this line repeats the header line: the file holds two files joined together, and their rows would be stored twice; import one file at a time',
      );
      result.fatal = true;
      break;
    }
    result.read++;
    if (fields.length !== POLICE_UK_HEADER.length) {
      bad(line, `expected 12 columns, found ${fields.length}`);
      continue;
    }
    const [crimeId, month, , , lonRaw, latRaw, location, lsoaCode, , crimeType] = fields as [
      string,
      ...string[],
    ];
    if (crimeType!.trim() !== 'Burglary') {
      result.skipped++;
      continue;
    }
    const unstorable = fields
      .map((f, i) =>
        textProblem(
          `column '${POLICE_UK_HEADER[i]}'`,
          f,
          i === 0 ? MAX_ID_LENGTH : i === 6 ? MAX_NAME_LENGTH : undefined,
        ),
      )
      .find((p) => p !== undefined);
    if (unstorable) {
      bad(line, unstorable);
      continue;
    }
    const range = parseMonth(month!);
    if (!range) {
      bad(line, `column 'Month' is '${month}', expected YYYY-MM`);
      continue;
    }
    const future = afterImport("column 'Month'", month!.trim(), range.from, opts.now);
    if (future) {
      bad(line, future);
      continue;
    }
    let x: number | null = null;
    let y: number | null = null;
    if (lonRaw!.trim() !== '' || latRaw!.trim() !== '') {
      const lon = Number(lonRaw),
        lat = Number(latRaw);
      if (!lonRaw!.trim() || !latRaw!.trim() || !Number.isFinite(lon) || !Number.isFinite(lat)) {
        bad(
          line,
          `${POSITION} ('${lonRaw}', '${latRaw}') are not a WGS 84 position; leave both empty for a crime without a location`,
        );
        continue;
      }
      const wrong = wgs84Problem(`${POSITION} (${lon}, ${lat})`, lon, lat);
      if (wrong) {
        bad(line, `${wrong}; leave both empty for a crime without a location`);
        continue;
      }
      [x, y] = [lon, lat];
    }
    const row: ParsedIncident = {
      line,
      occurredFrom: range.from,
      occurredTo: range.to,
      attempt: false,
      modusOperandi: 'unknown',
      moText: null,
      locationLabel: location!.trim() || null,
      streetName: streetFromLabel(location!),
      x,
      y,
      srid: x === null ? null : 4326,
      positionField: POSITION,
      address: null,
    };
    const id = crimeId!.trim();
    if (id) {
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      row.externalId = n === 1 ? id : `${id}#${n}`;
      row.idSource = { field: "column 'Crime ID'", given: id };
    } else {
      row.contentKey = contentKey([opts.keyScope, month, lonRaw, latRaw, location, lsoaCode, crimeType]);
    }
    result.rows.push(row);
  }
  return result;
}
