/**
 * Importing police incident files (police.uk street CSV, nl-csv, GeoJSON) into one
 * municipality. One transaction: without `skipInvalid` one bad row rejects the whole file and
 * nothing changes; with it the valid rows land and every bad row is listed. Re-importing the
 * same file changes nothing (incidents are keyed by source + external id). Every import,
 * accepted or rejected, is recorded in the audit log with the file's SHA-256 and the counts.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { audit } from '../audit/audit';
import { config } from '../core/config';
import { db, withTransaction, type Queryable } from '../core/db';
import { BadInputError, DatabaseUnavailableError, isConnectionLost } from '../core/errors';
import { currentTransactionId, transactionOutcome } from '../core/transaction-outcome.repo';
import {
  ensureMunicipality,
  firstMunicipalities,
  municipalityByCode,
} from '../municipalities/municipalities.repo';
import * as repo from './incident-import.repo';
import { AREA_MARGIN_M } from './positions';
import type { ImportError, ImportSummary } from '../imports/import-summary';
import type { ParseResult, ParsedIncident } from './incident-row';
import { parseGeoJson } from './parsers/geojson';
import { parseNlCsv, type NlCsvMappingOverride } from './parsers/nl-csv';
import { isPoliceUkHeader, looksLikePoliceUkRow, parsePoliceUk } from './parsers/police-uk';
import {
  CsvSyntaxError,
  decodeText,
  detectDelimiter,
  firstLine,
  parseCsv,
  type CsvRecord,
} from './text-file';

export const INCIDENT_FORMATS = ['police-uk', 'nl-csv', 'geojson'] as const;
export type IncidentFormat = (typeof INCIDENT_FORMATS)[number];

export interface IncidentImportOptions {
  fileName: string;
  format?: IncidentFormat;
  municipality: { id: number; code: string; name: string };
  skipInvalid: boolean;
  /** Let an update move a stored incident by more than STREET_SNAP_DISTANCE_M (it is an error otherwise). */
  allowMove?: boolean;
  mapping?: NlCsvMappingOverride;
  actor: string;
  userId?: number | null;
  ip?: string | null;
  /** Called after each phase with its duration (the benchmark reports them). */
  onPhase?: (phase: string, ms: number) => void;
}

export interface IncidentImportSummary extends ImportSummary {
  /** False when the file was rejected and nothing changed. */
  committed: boolean;
  /** The file's name (without its folder). */
  file: string;
  /** Rows that passed every check (imported, updated or unchanged); what --skip-invalid would keep. */
  valid: number;
  /** Stored incidents this import moved by more than STREET_SNAP_DISTANCE_M (only with allowMove). */
  moved: number;
  format: IncidentFormat | null;
  encoding: string | null;
  sha256: string;
  /** Incidents stored without a point (e.g. police.uk 'No Location'). */
  unlocated: number;
  /** Incidents placed at the middle of the street their label names. */
  locatedByStreet: number;
}

/** At most this many errors are listed; `rejected` still counts them all. */
const MAX_LISTED_ERRORS = 1000;
const STAGE_BATCH = 10_000;

/** Recognises the format from the file name and its first line. */
export function detectFormat(fileName: string, text: string): IncidentFormat {
  if (/\.(geo)?json$/i.test(fileName) || /^\s*[{[]/.test(text.slice(0, 100))) return 'geojson';
  const line = firstLine(text);
  const fields = line.split(detectDelimiter(line)).map((f) => f.replace(/^"|"$/g, ''));
  if (isPoliceUkHeader(fields) || looksLikePoliceUkRow(fields)) return 'police-uk';
  return 'nl-csv';
}

function parse(
  buf: Buffer,
  opts: IncidentImportOptions,
  now: Date,
): { parsed: ParseResult; encoding: string } {
  const { text, encoding, problem } = decodeText(buf);
  const format = opts.format ?? detectFormat(opts.fileName, text);
  if (problem)
    return {
      parsed: {
        format,
        rows: [],
        read: 0,
        skipped: 0,
        warnings: [],
        errors: [{ line: 1, reason: problem }],
        fatal: true,
      },
      encoding,
    };
  const parseOpts = { keyScope: opts.municipality.code, now };
  if (format === 'geojson') return { parsed: parseGeoJson(text, parseOpts), encoding };
  const delimiter = detectDelimiter(firstLine(text));
  const run = (records: CsvRecord[]): ParseResult =>
    format === 'police-uk'
      ? parsePoliceUk(records, parseOpts)
      : parseNlCsv(records, { ...parseOpts, mapping: opts.mapping });
  try {
    // The header (or first row) alone first: a file of the wrong kind, or 50 MB of garbage,
    // fails on line 1 without parsing the rest.
    const head = run(parseCsv(text, delimiter, opts.fileName, 2));
    if (head.read === 0 && head.errors.length > 0) return { parsed: head, encoding };
    return { parsed: run(parseCsv(text, delimiter, opts.fileName)), encoding };
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    const parsed: ParseResult = {
      format,
      rows: [],
      read: 0,
      skipped: 0,
      warnings: [],
      errors: [{ line: err.line, reason: `not readable as CSV: ${err.reason}` }],
    };
    return { parsed, encoding };
  }
}

/**
 * Completes content keys with the row's position among identical rows ('#1', '#2' ...), then
 * makes sure no two rows share an id: a repeated police id gets '#2' from its parser, which a
 * literal 'A#2' further on would collide with ("ON CONFLICT DO UPDATE command cannot affect row
 * a second time" failed the whole file). The later row becomes an error; returns the errors.
 */
function assignExternalIds(parsed: ParseResult): ImportError[] {
  const seen = new Map<string, number>();
  for (const r of parsed.rows) {
    if (r.externalId || !r.contentKey) continue;
    const n = (seen.get(r.contentKey) ?? 0) + 1;
    seen.set(r.contentKey, n);
    r.externalId = `k:${r.contentKey}#${n}`;
  }
  const owner = new Map<string, ParsedIncident>();
  const errors: ImportError[] = [];
  parsed.rows = parsed.rows.filter((r) => {
    const first = owner.get(r.externalId!);
    if (!first) {
      owner.set(r.externalId!, r);
      return true;
    }
    const field = r.idSource?.field ?? 'id';
    const given = r.idSource?.given ?? r.externalId!;
    const reason =
      given === r.externalId
        ? `${field}: the id '${given}' is also the id of ${rowName(first)}; every incident needs its own id`
        : `${field}: '${given}' repeats, so it would be stored as '${r.externalId}', which is the id of ${rowName(first)}; every incident needs its own id`;
    errors.push(r.line !== undefined ? { line: r.line, reason } : { feature: r.feature ?? '?', reason });
    return false;
  });
  return errors;
}

function rowName(r: { line?: number; feature?: string }): string {
  return r.line !== undefined ? `line ${r.line}` : (r.feature ?? '?');
}

// eslint-disable-next-line no-control-regex -- control characters are what is replaced
const UNSAFE_IN_FILE_NAME = /[\u0000-\u001f\uD800-\uDFFF]/g;

/** The file name as given, with what the audit log's JSON could not hold replaced (an upload's name is the sender's choice). */
function safeFileName(name: string): string {
  return path.basename(name).replace(UNSAFE_IN_FILE_NAME, '?').slice(0, 255);
}

/**
 * A database error while storing the rows: only reached when a check above missed a kind of bad
 * input. The file is refused like any other (listed, audited), not answered with the raw
 * error: data exceptions (22...), constraint violations (23...), limits (54...), and PostGIS
 * errors (XX000, e.g. "transform: ...").
 */
function isDataError(err: unknown): err is { code: string; message: string } {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^(22|23|54|XX)/.test(code);
}

class Rejected extends Error {}

function where(e: ImportError): string {
  return e.line !== undefined ? `line ${e.line}` : (e.feature ?? 'file');
}

/** Imports one file; see the module comment for the rules. */
export async function importIncidents(
  buf: Buffer,
  opts: IncidentImportOptions,
  pool: Pool = db(),
): Promise<IncidentImportSummary> {
  const sha256 = crypto.createHash('sha256').update(buf).digest('hex');
  const summary: IncidentImportSummary = {
    read: 0,
    imported: 0,
    updated: 0,
    skipped: 0,
    rejected: 0,
    errors: [],
    warnings: [],
    committed: false,
    file: '',
    format: null,
    encoding: null,
    sha256,
    valid: 0,
    unlocated: 0,
    locatedByStreet: 0,
    moved: 0,
  };
  const fileName = safeFileName(opts.fileName);
  summary.file = fileName;
  let errors: ImportError[] = [];

  if (buf.length === 0) {
    errors.push({ line: 1, reason: 'the file is empty' });
  } else {
    let t0 = performance.now();
    const { parsed, encoding } = parse(buf, opts, new Date());
    opts.onPhase?.('parse', performance.now() - t0);
    Object.assign(summary, { read: parsed.read, skipped: parsed.skipped, format: parsed.format, encoding });
    summary.warnings!.push(...parsed.warnings);
    errors = parsed.errors;
    if (parsed.read === 0 && errors.length === 0)
      errors.push({ line: 1, reason: 'the file has a header but no rows' });
    // A structural error (header, JSON, encoding, a repeated header) cannot be skipped: there
    // are no rows to keep.
    const structural = parsed.fatal || (parsed.rows.length === 0 && errors.length > 0 && parsed.read === 0);
    // Rows that parsed are staged and checked by the database (geocoding, CRS) even when other
    // rows failed to parse, so a refused file lists all its problems at once; without
    // --skip-invalid, or when no valid row is left, the transaction is then rolled back.
    if (!structural) {
      errors = [...errors, ...assignExternalIds(parsed)];
      let txid: string | undefined;
      try {
        await withTransaction(async (client) => {
          txid = await currentTransactionId(client);
          t0 = performance.now();
          errors = [...errors, ...(await store(client, parsed, opts, summary))];
          opts.onPhase?.('store', performance.now() - t0);
          if (errors.length > 0 && (!opts.skipInvalid || summary.valid === 0)) throw new Rejected();
          summary.committed = true;
          summary.rejected = errors.length;
          await audit(client, auditEntry(opts, fileName, buf.length, summary));
        }, pool);
      } catch (err) {
        if (isConnectionLost(err)) {
          const committed = await connectionLost(err, txid, fileName, pool);
          if (committed) summary.warnings!.push(committed);
        } else if (isDataError(err)) {
          summary.valid = 0;
          errors.push({
            reason: `the database refused the file (${err.message}); this is a check the importer lacks: please report it with the file`,
          });
        } else if (!(err instanceof Rejected)) throw err;
      }
    }
  }

  summary.rejected = errors.length;
  // Parse errors and database-side errors (geocoding, CRS) arrive separately: list them in file order.
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  summary.errors = errors.slice(0, MAX_LISTED_ERRORS);
  if (errors.length > MAX_LISTED_ERRORS) {
    summary.errors.push({ reason: `... and ${errors.length - MAX_LISTED_ERRORS} more rejected rows` });
  }
  if (!summary.committed) {
    Object.assign(summary, { imported: 0, updated: 0, unlocated: 0, locatedByStreet: 0, moved: 0 });
    // The rejected attempt is recorded too (its own small transaction; no incident changed).
    await audit(pool, {
      ...auditEntry(opts, fileName, buf.length, summary),
      action: 'incidents.import.rejected',
    });
  }
  if (summary.warnings!.length === 0) delete summary.warnings;
  return summary;
}

/**
 * The connection to PostgreSQL was lost during the import's transaction (a restart, the network):
 * asks the database, once it answers again, whether the transaction committed. Committed: the
 * import is wholly in, and the returned warning says so. Rolled back, or not known because the
 * database stays away: throws a DatabaseUnavailableError (503) that tells the user which, and
 * that importing the same file again completes it (a second run imports only what is missing).
 */
async function connectionLost(
  err: unknown,
  txid: string | undefined,
  fileName: string,
  pool: Pool,
): Promise<string> {
  const outcome = txid ? await transactionOutcome(pool, txid) : 'aborted';
  if (outcome === 'committed')
    return 'the connection to the database was lost just after the import was committed: the import is complete';
  const lost = `the connection to the database was lost during the import of ${fileName} (${(err as Error).message || (err as { code?: string }).code})`;
  if (outcome === 'aborted')
    throw new DatabaseUnavailableError(
      `${lost}; the import is one transaction and it was rolled back: nothing of this file was imported. Import the same file again`,
      { cause: err },
    );
  throw new DatabaseUnavailableError(
    `${lost}; the database is still away, so it is not known whether the import was committed (it is all or nothing). Import the same file again when the database is back: a second run imports only what is missing`,
    { cause: err },
  );
}

/**
 * Message for a rejected import, naming the first problems and what to do next. It suggests
 * --skip-invalid only when valid rows would be kept: not for a file of which no row can be
 * imported (a wrong header, a repeated one, every row bad), nor when the flag was given.
 */
export function rejectionMessage(s: IncidentImportSummary): string {
  const first = s.errors
    .slice(0, 3)
    .map((e) => `${where(e)}: ${e.reason}`)
    .join('; ');
  const more = s.rejected > 3 ? ` (and ${s.rejected - 3} more)` : '';
  if (s.valid === 0) return `nothing was imported: no row of the file can be imported; ${first}${more}`;
  return `nothing was imported: ${s.rejected} problem(s), first ${first}${more}. Fix the file, or import with --skip-invalid (skipInvalid=true) to keep the ${s.valid} valid row(s)`;
}

function auditEntry(opts: IncidentImportOptions, fileName: string, bytes: number, s: IncidentImportSummary) {
  return {
    userId: opts.userId ?? null,
    actor: opts.actor,
    action: 'incidents.import',
    municipalityId: opts.municipality.id,
    subjectType: 'file',
    subjectId: s.sha256,
    ip: opts.ip ?? null,
    details: {
      file: fileName,
      bytes,
      sha256: s.sha256,
      format: s.format,
      encoding: s.encoding,
      skipInvalid: opts.skipInvalid,
      allowMove: opts.allowMove === true,
      read: s.read,
      imported: s.imported,
      updated: s.updated,
      skipped: s.skipped,
      rejected: s.rejected,
      unlocated: s.unlocated,
      moved: s.moved,
    },
  };
}

/** Stages, geocodes, upserts and snaps the parsed rows; returns the rows' database-side errors. */
async function store(
  pgClient: PoolClient,
  parsed: ParseResult,
  opts: IncidentImportOptions,
  summary: IncidentImportSummary,
): Promise<ImportError[]> {
  // With onPhase, every statement reports its duration, named by its first words.
  const client: Queryable = opts.onPhase
    ? ({
        query: async (text: string, values?: unknown[]) => {
          const t = performance.now();
          const r = await pgClient.query(text, values);
          opts.onPhase!(
            `sql: ${text
              .replace(/^(--.*\n)+/, '')
              .replace(/\s+/g, ' ')
              .trim()
              .slice(0, 50)}`,
            performance.now() - t,
          );
          return r;
        },
      } as Queryable)
    : pgClient;
  const municipalityId = opts.municipality.id;
  await repo.createStage(client);
  for (let i = 0; i < parsed.rows.length; i += STAGE_BATCH) {
    const batch = parsed.rows.slice(i, i + STAGE_BATCH).map((r, j) => ({
      ord: i + j,
      line: r.line ?? null,
      feature: r.feature ?? null,
      external_id: r.externalId,
      occurred_from: r.occurredFrom.toISOString(),
      occurred_to: r.occurredTo.toISOString(),
      attempt: r.attempt,
      modus_operandi: r.modusOperandi,
      mo_text: r.moText,
      location_label: r.locationLabel,
      street_name: r.streetName,
      x: r.x,
      y: r.y,
      srid: r.srid,
      coord_field: r.positionField ?? null,
      postcode: r.address?.postcode ?? null,
      huisnummer: r.address?.huisnummer ?? null,
      huisletter: r.address?.huisletter ?? null,
      toevoeging: r.address?.toevoeging ?? null,
    }));
    await repo.stage(client, batch);
  }
  // Coordinates: the CRS must be one PostGIS knows; PostGIS transforms to RD New (WGS 84 and RD
  // New in one statement, any other system row by row, so a point outside its domain is that
  // row's error).
  await repo.transformStaged(client);
  await checkArea(client, opts.municipality, summary);
  // Addresses without coordinates: exactly one BAG address, or an error (never a guess).
  await repo.geocodeStaged(client, municipalityId);
  const moved = await repo.movedTooFar(
    client,
    municipalityId,
    parsed.format,
    config().STREET_SNAP_DISTANCE_M,
    opts.allowMove === true,
  );
  if (opts.allowMove) summary.moved = moved;
  if (parsed.format === 'police-uk') {
    await repo.streetsFromLabels(client, municipalityId, opts.municipality.name);
  }
  const source = parsed.format;
  const up = await repo.upsertStaged(client, municipalityId, source);
  const ids = up.map((r) => r.id);
  summary.imported = up.filter((r) => r.inserted).length;
  summary.updated = up.length - summary.imported;
  await repo.snapToStreets(client, municipalityId, ids, config().STREET_SNAP_DISTANCE_M);
  summary.locatedByStreet = await repo.locateByStreet(client, municipalityId, ids);

  const counts = await repo.stageCounts(client, source, municipalityId);
  // Rows identical to what is stored are skipped (re-import of the same file).
  summary.valid = counts.valid - counts.conflicts;
  summary.skipped += summary.valid - up.length;
  summary.unlocated = await repo.countUnlocated(client, ids);
  if (summary.unlocated > 0) {
    const lines = await repo.unlocatedLines(client, source, ids);
    summary.warnings!.push(
      `${summary.unlocated} incident(s) have no location and were kept unlocated (not on the map, not in clusters): ${lines
        .map((r) => (r.line !== null ? `line ${r.line}` : r.feature))
        .join(', ')}${summary.unlocated > 50 ? ' ...' : ''}`,
    );
  }
  const bad = await repo.stageErrors(client, source, municipalityId);
  return bad.map((r) =>
    r.line !== null ? { line: r.line, reason: r.error } : { feature: r.feature ?? '?', reason: r.error },
  );
}

/**
 * Marks the staged points outside the municipality's area (server/incidents/positions.ts); a
 * municipality without boundary, addresses or located incidents has no area yet: warned.
 */
async function checkArea(
  client: Queryable,
  m: IncidentImportOptions['municipality'],
  summary: IncidentImportSummary,
): Promise<void> {
  const a = await repo.municipalityArea(client, m.id);
  if (!a?.kind || !a.area) {
    summary.warnings!.push(
      `${m.code} has no boundary, addresses or located incidents yet, so positions were checked against their coordinate system only; load its addresses (import-bag, import-osm) first to have them checked against its area`,
    );
    return;
  }
  const margin = AREA_MARGIN_M[a.kind];
  const km = `${margin / 1000} km`;
  const area =
    a.kind === 'boundary'
      ? `its boundary plus ${km}`
      : a.kind === 'addresses'
        ? `the extent of its ${a.n.toLocaleString('en')} addresses plus ${km}`
        : `the extent of its ${a.n.toLocaleString('en')} incidents located so far plus ${km} (no boundary or addresses are loaded)`;
  await repo.markOutsideArea(client, a.area, margin, `the area of ${m.code} (${m.name}): ${area}`);
}

/** Resolves `--format` / form values; undefined means detect. */
export function parseFormat(raw: string | undefined): IncidentFormat | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!(INCIDENT_FORMATS as readonly string[]).includes(raw)) {
    throw new BadInputError(`format '${raw}' is not one of ${INCIDENT_FORMATS.join(', ')}`);
  }
  return raw as IncidentFormat;
}

/**
 * The municipality an import goes to: the one named by code, or the only one there is.
 * `createAs` (command line only) creates an unknown code, e.g. 'CAMBS' for police.uk test data.
 */
export async function resolveImportMunicipality(
  q: Queryable,
  code: string | undefined,
  createAs?: string,
): Promise<{ id: number; code: string; name: string }> {
  if (code) {
    const m = await municipalityByCode(q, code);
    if (m) return { id: m.id, code: m.code, name: m.name };
    if (createAs !== undefined) return ensureMunicipality(q, { code, name: createAs || code });
    throw new BadInputError(
      `municipality '${code}' is unknown; create it first (command line: --municipality ${code} --name NAME)`,
    );
  }
  const rows = await firstMunicipalities(q, 2);
  if (rows.length === 1) return rows[0]!;
  throw new BadInputError(
    'say which municipality the incidents belong to: --municipality CODE (e.g. GM0503)',
  );
}
