/**
 * One incident as a parser hands it to the importer, before it is located and stored; and the
 * small value parsers (yes/no, method of entry) and checks the formats share. Dates are read by
 * the one strict parser in server/core/dates.ts.
 */
import crypto from 'node:crypto';
import { formatMoment } from '../core/dates';
import type { ImportError } from '../imports/import-summary';

export interface ParsedIncident {
  /** Where it came from, for error messages: a line (CSV) or a feature index (GeoJSON). */
  line?: number;
  feature?: string;
  /** Police id, or a content key (see `contentKey`) completed with an occurrence index by the importer. */
  externalId?: string;
  /** Where the id came from, for messages ("column 'Crime ID'", "id"), and the id as the file gives it. */
  idSource?: { field: string; given: string };
  contentKey?: string;
  occurredFrom: Date;
  occurredTo: Date;
  attempt: boolean;
  modusOperandi: string;
  moText: string | null;
  locationLabel: string | null;
  /** Street name to snap to when the address gives none (police.uk "On or near X", nl-csv straat). */
  streetName: string | null;
  /** Coordinates in `srid`, or null when the row has none. */
  x: number | null;
  y: number | null;
  srid: number | null;
  /** The fields the coordinates came from, for messages ("columns 'x'/'y'", "geometry.coordinates"). */
  positionField?: string;
  /** Address to geocode against BAG when there are no coordinates. */
  address: {
    postcode: string;
    huisnummer: number;
    huisletter: string | null;
    toevoeging: string | null;
  } | null;
}

/** What every parser is told about the import. */
export interface ParseOptions {
  /** Scope of content keys (the municipality code): the same row in two municipalities is two incidents. */
  keyScope: string;
  /** The moment of the import: dates after it are errors. */
  now: Date;
}

export interface ParseResult {
  format: 'police-uk' | 'nl-csv' | 'geojson';
  rows: ParsedIncident[];
  read: number;
  skipped: number;
  errors: ImportError[];
  warnings: string[];
  /** A problem of the file as a whole (a repeated header, a mapping naming a missing column): no row can be kept. */
  fatal?: boolean;
}

export { MAX_ID_LENGTH, MAX_NAME_LENGTH, textProblem } from '../core/stored-text';

/** A stable key from a row's content (for formats without an id); the importer adds '#<n>'. */
export function contentKey(parts: (string | number | null | undefined)[]): string {
  return crypto
    .createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\u001f'))
    .digest('hex')
    .slice(0, 32);
}

export { parseDutchDate } from '../core/dates';

/**
 * The problem of a date after the import: police data describe what happened, so a date after
 * the moment of import is a typing or export error (2099 for 2019), never a burglary.
 */
export function afterImport(what: string, raw: string, d: Date, now: Date): string | undefined {
  return d.getTime() > now.getTime()
    ? `${what} is '${raw}', which lies after the import (${formatMoment(now)})`
    : undefined;
}

/** ja/nee, j/n, yes/no, true/false, 1/0, poging/voltooid; undefined when none of those. */
export function parseYesNo(raw: string): boolean | undefined {
  const s = raw.trim().toLowerCase();
  if (['ja', 'j', 'yes', 'y', 'true', '1', 'poging', 'pogingen'].includes(s)) return true;
  if (['nee', 'n', 'no', 'false', '0', 'voltooid', 'gepleegd', ''].includes(s)) return false;
  return undefined;
}

const MO_CODES = [
  'cylinder_snapping',
  'latch_slipping',
  'open_window_door',
  'door_forced',
  'window_forced',
  'climbing',
  'unknown',
];

/**
 * Maps the police's free-text method of entry to a modus_operandi code by keywords; the text
 * itself is kept for officers. A code written as such is accepted.
 */
export function classifyModusOperandi(text: string | null | undefined): string {
  const s = (text ?? '').trim().toLowerCase();
  if (!s) return 'unknown';
  if (MO_CODES.includes(s)) return s;
  if (/cilinder|kerntrek|cylinder|snap/.test(s)) return 'cylinder_snapping';
  if (/flipper|dagschoot|slip|geschoven|plastic kaart/.test(s)) return 'latch_slipping';
  if (/open(staand)?\s*(raam|deur|venster)|niet afgesloten|onafgesloten|open (window|door)/.test(s))
    return 'open_window_door';
  if (/klim|balkon|dak|climb/.test(s)) return 'climbing';
  if (
    /(raam|ruit|venster|window)/.test(s) &&
    /(forc|breek|brak|gebroken|ingeslagen|wrik|gewrikt|forced|broken)/.test(s)
  )
    return 'window_forced';
  if (/(deur|door)/.test(s) && /(forc|breek|brak|gebroken|ingetrapt|wrik|gewrikt|forced|broken)/.test(s))
    return 'door_forced';
  if (/(wrik|forc|breek)/.test(s)) return 'door_forced';
  return 'unknown';
}

/** Parses a decimal number written with a point or a Dutch decimal comma. */
export function parseDecimal(raw: string): number | undefined {
  const s = raw.trim().replace(/\s/g, '');
  if (!/^[-+]?\d+(?:[.,]\d+)?$/.test(s)) return undefined;
  return Number(s.replace(',', '.'));
}
