/**
 * One incident as a parser hands it to the importer, before it is located and stored; and the
 * small value parsers (dates, yes/no, method of entry) the formats share.
 */
import crypto from 'node:crypto';
import type { ImportError } from '../imports/import-summary';

export interface ParsedIncident {
  /** Where it came from, for error messages: a line (CSV) or a feature index (GeoJSON). */
  line?: number;
  feature?: string;
  /** Police id, or a content key (see `contentKey`) completed with an occurrence index by the importer. */
  externalId?: string;
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
  /** Address to geocode against BAG when there are no coordinates. */
  address: { postcode: string; huisnummer: number; huisletter: string | null; toevoeging: string | null } | null;
}

export interface ParseResult {
  format: 'police-uk' | 'nl-csv' | 'geojson';
  rows: ParsedIncident[];
  read: number;
  skipped: number;
  errors: ImportError[];
  warnings: string[];
}

/** A stable key from a row's content (for formats without an id); the importer adds '#<n>'. */
export function contentKey(parts: (string | number | null | undefined)[]): string {
  return crypto.createHash('sha256').update(parts.map((p) => p ?? '').join('\u001f')).digest('hex').slice(0, 32);
}

// One formatter for the process (creating one costs ~0.1 ms; a 100,000-row import calls this
// 200,000 times) and the offsets memoised per hour: they only change on whole hours.
let amsterdam: Intl.DateTimeFormat | undefined;
const offsetByHour = new Map<number, number>();

/** Offset of Europe/Amsterdam from UTC at a moment, in minutes (DST aware). */
function amsterdamOffsetMinutes(utcMs: number): number {
  const hour = Math.floor(utcMs / 3_600_000);
  const known = offsetByHour.get(hour);
  if (known !== undefined) return known;
  amsterdam ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit',
  });
  const parts = amsterdam.formatToParts(new Date(hour * 3_600_000));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)!.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const offset = Math.round((local - hour * 3_600_000) / 60000);
  if (offsetByHour.size > 100_000) offsetByHour.clear();
  offsetByHour.set(hour, offset);
  return offset;
}

/**
 * Parses a Dutch police date or date-time as Amsterdam local time: `2024-03-05`,
 * `2024-03-05 14:30`, `2024-03-05T14:30:00`, `05-03-2024`, `5/3/2024 14:30`. ISO strings with
 * an offset or Z are taken as they are. Returns undefined when it is not a real date.
 */
export function parseDutchDate(raw: string): Date | undefined {
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
    if (!m) return undefined;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const h = Number(m[4] ?? 0), mi = Number(m[5] ?? 0), se = Number(m[6] ?? 0);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59 || y < 1900 || y > 2100) return undefined;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, se);
  if (new Date(asUtc).getUTCDate() !== d) return undefined; // 31 February
  return new Date(asUtc - amsterdamOffsetMinutes(asUtc) * 60000);
}

/** ja/nee, j/n, yes/no, true/false, 1/0, poging/voltooid; undefined when none of those. */
export function parseYesNo(raw: string): boolean | undefined {
  const s = raw.trim().toLowerCase();
  if (['ja', 'j', 'yes', 'y', 'true', '1', 'poging', 'pogingen'].includes(s)) return true;
  if (['nee', 'n', 'no', 'false', '0', 'voltooid', 'gepleegd', ''].includes(s)) return false;
  return undefined;
}

const MO_CODES = ['cylinder_snapping', 'latch_slipping', 'open_window_door', 'door_forced', 'window_forced', 'climbing', 'unknown'];

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
  if (/open(staand)?\s*(raam|deur|venster)|niet afgesloten|onafgesloten|open (window|door)/.test(s)) return 'open_window_door';
  if (/klim|balkon|dak|climb/.test(s)) return 'climbing';
  if (/(raam|ruit|venster|window)/.test(s) && /(forc|breek|brak|gebroken|ingeslagen|wrik|gewrikt|forced|broken)/.test(s)) return 'window_forced';
  if (/(deur|door)/.test(s) && /(forc|breek|brak|gebroken|ingetrapt|wrik|gewrikt|forced|broken)/.test(s)) return 'door_forced';
  if (/(wrik|forc|breek)/.test(s)) return 'door_forced';
  return 'unknown';
}

/** Parses a decimal number written with a point or a Dutch decimal comma. */
export function parseDecimal(raw: string): number | undefined {
  const s = raw.trim().replace(/\s/g, '');
  if (!/^[-+]?\d+(?:[.,]\d+)?$/.test(s)) return undefined;
  return Number(s.replace(',', '.'));
}
