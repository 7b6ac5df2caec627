/**
 * `import-bag FILE`: residential addresses from a BAG (Basisregistratie Adressen en Gebouwen)
 * extract, read with GDAL (GeoPackage, Shapefile, GeoJSON, ... in any CRS).
 *
 * Field names differ between BAG products; the known variants are mapped (FIELD_VARIANTS) and
 * every point or polygon layer that has the required fields is a candidate. Layers named
 * `verblijfsobject(en)` are preferred: they hold the BAG's dwellings. Ligplaatsen (houseboat
 * moorings) and standplaatsen (caravan pitches) have no gebruiksdoel, so they are imported only
 * when asked for with `--layer`; the summary warns which layers were left out.
 *
 * Kept: addresses whose gebruiksdoel contains "woonfunctie" (when the file has a gebruiksdoel)
 * and whose status is not withdrawn or unbuilt. One transaction: features are staged in a
 * temporary table, then merged into streets/addresses; the database is unchanged unless the
 * whole file imports. Idempotent: keyed by (source 'bag', nummeraanduiding id); a second
 * import of the same file reports every row as skipped.
 */
import path from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { audit } from '../audit/audit';
import { db, withTransaction } from '../core/db';
import { BadInputError } from '../core/errors';
import { layerFields, listLayers, readFeatures, type OgrFeature } from '../geo/ogr';
import {
  ensureMunicipality,
  firstMunicipalities,
  municipalityByCode,
} from '../municipalities/municipalities.repo';
import { isNummeraanduidingId, normalisePostcode } from './address-parts';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH, textProblem } from '../core/stored-text';
import { inRd } from '../geo/bounds';
import {
  auditRefusal,
  checkConflicts,
  moveFromMunicipality,
  nameProblem,
  refuseWhenNothingValid,
} from './import-refusal';
import * as repo from './imports.repo';
import { emptySummary, type ImportSummary } from './import-summary';

/** Our field -> the names it has in BAG products, most specific first (compared case-insensitively). */
export const FIELD_VARIANTS = {
  // PDOK's verblijfsobject layer: `identificatie` is the verblijfsobject id; the address id is
  // nummeraanduiding_hoofdadres_identificatie. The fixture (gokoala) uses nummer_id, INSPIRE `id`.
  id: [
    'nummeraanduiding_hoofdadres_identificatie',
    'nummeraanduiding_identificatie',
    'nummeraanduiding_id',
    'hoofdadres_identificatie',
    'nummer_id',
    'identificatie',
    'id',
  ],
  street: ['openbare_ruimte_naam', 'openbareruimtenaam', 'openbare_ruimte', 'straatnaam', 'straat'],
  huisnummer: ['huisnummer'],
  huisletter: ['huisletter'],
  toevoeging: ['toevoeging', 'huisnummertoevoeging', 'huisnummer_toevoeging'],
  postcode: ['postcode'],
  place: ['woonplaats_naam', 'woonplaatsnaam', 'woonplaats'],
  gebruiksdoel: ['gebruiksdoel', 'gebruiksdoelen'],
  status: ['status', 'nummeraanduiding_status'],
  ended: ['datum_eind', 'eind_geldigheid', 'eindgeldigheid'],
} as const;

type Field = keyof typeof FIELD_VARIANTS;
export type FieldMap = Partial<Record<Field, string>>;
const REQUIRED: Field[] = ['id', 'street', 'huisnummer'];
const LABEL: Record<Field, string> = {
  id: 'address id',
  street: 'street name',
  huisnummer: 'house number',
  huisletter: 'house letter',
  toevoeging: 'addition',
  postcode: 'postcode',
  place: 'place',
  gebruiksdoel: 'use',
  status: 'status',
  ended: 'end date',
};

/**
 * Statuses of addresses nobody lives at: withdrawn (ingetrokken, ten onrechte opgevoerd) or
 * not built (niet gerealiseerd; gevormd and bouw gestart: planned or under construction).
 * Matches the BAG's forms: 'Verblijfsobject ingetrokken', 'Niet gerealiseerd verblijfsobject',
 * 'Naamgeving ingetrokken', 'Plaats ingetrokken', lower/upper case, underscores.
 */
const GONE_STATUS = /ingetrokken|niet[\s_-]*gerealiseerd|ten[\s_-]*onrechte|gevormd|bouw[\s_-]*gestart/i;

export function isWithdrawnOrUnbuilt(status: unknown): boolean {
  return typeof status === 'string' && GONE_STATUS.test(status);
}

/** True unless a gebruiksdoel is given that has no woonfunctie ("woonfunctie,winkelfunctie" is residential). */
export function isResidentialUse(gebruiksdoel: unknown): boolean {
  if (gebruiksdoel === null || gebruiksdoel === undefined || gebruiksdoel === '') return true;
  const text = Array.isArray(gebruiksdoel) ? gebruiksdoel.join(',') : String(gebruiksdoel);
  return /woon/i.test(text);
}

/** Maps a layer's field names to ours. */
export function mapFields(fieldNames: string[]): FieldMap {
  const byLower = new Map(fieldNames.map((f) => [f.toLowerCase(), f]));
  const map: FieldMap = {};
  for (const [field, variants] of Object.entries(FIELD_VARIANTS) as [Field, readonly string[]][]) {
    const hit = variants.find((v) => byLower.has(v));
    if (hit) map[field] = byLower.get(hit)!;
  }
  return map;
}

/** The 16-digit nummeraanduiding id in a BAG or INSPIRE id ('NL.IMBAG.Nummeraanduiding.0363200000039881'). */
export function bagIdOf(raw: unknown): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const s = String(raw).trim();
  if (!s) return undefined;
  const m = /(\d{16})$/.exec(s);
  return m ? m[1] : s;
}

export interface BagImportOptions {
  /** Municipality code (GM0363); optional when the database holds exactly one municipality. */
  municipality?: string;
  /** Name for a municipality that does not exist yet. */
  name?: string;
  /** Layers to import; default: the verblijfsobject layer(s), else every layer with the fields. */
  layers?: string[];
  /**
   * Code of the municipality that addresses of the file may be moved from. Without it an
   * address stored for another municipality refuses the file (a wrong --municipality).
   */
  moveFrom?: string;
  actor: string;
}

interface LayerPlan {
  name: string;
  fields: FieldMap;
}

function missingFields(map: FieldMap): Field[] {
  return REQUIRED.filter((f) => !map[f]);
}

function describeMissing(file: string, layer: string, missing: Field[]): string {
  const which = missing.map((f) => `${LABEL[f]} (${FIELD_VARIANTS[f].join(' / ')})`).join(', ');
  return `${file}: layer '${layer}' is not a BAG address layer: it has no ${which} field`;
}

/** Decides which layers to read, before any database work: a wrong file fails here. */
export function planLayers(file: string, wanted?: string[]): { plan: LayerPlan[]; left: string[] } {
  const layers = listLayers(file);
  if (wanted && wanted.length > 0) {
    const plan = wanted.map((name) => {
      const l = layers.find((x) => x.name === name);
      if (!l)
        throw new BadInputError(
          `${file}: no layer '${name}' (layers: ${layers.map((x) => x.name).join(', ')})`,
        );
      const fields = mapFields(layerFields(file, name).map((f) => f.name));
      const missing = missingFields(fields);
      if (missing.length) throw new BadInputError(describeMissing(file, name, missing));
      if (l.geometryType === 'None')
        throw new BadInputError(`${file}: layer '${name}' has no geometry; addresses need a point`);
      return { name, fields };
    });
    return { plan, left: layers.map((l) => l.name).filter((n) => !wanted.includes(n)) };
  }
  const candidates: LayerPlan[] = [];
  let closest: { name: string; missing: Field[]; noGeometry: boolean } | undefined;
  for (const l of layers) {
    const fields = mapFields(layerFields(file, l.name).map((f) => f.name));
    const missing = missingFields(fields);
    const noGeometry = l.geometryType === 'None';
    if (missing.length === 0 && !noGeometry) candidates.push({ name: l.name, fields });
    else if (!closest || missing.length < closest.missing.length)
      closest = { name: l.name, missing, noGeometry };
  }
  if (candidates.length === 0) {
    if (closest && closest.missing.length === 0) {
      throw new BadInputError(`${file}: layer '${closest.name}' has no geometry; addresses need a point`);
    }
    throw new BadInputError(describeMissing(file, closest?.name ?? '?', closest?.missing ?? REQUIRED));
  }
  const vbo = candidates.filter((c) => /verblijfsobject/i.test(c.name));
  const plan = vbo.length > 0 ? vbo : candidates;
  return { plan, left: candidates.filter((c) => !plan.includes(c)).map((c) => c.name) };
}

async function resolveMunicipality(
  client: PoolClient,
  opts: BagImportOptions,
): Promise<{ id: number; code: string; name: string }> {
  if (opts.municipality) {
    const code = opts.municipality;
    const m = await municipalityByCode(client, code);
    if (m) return { id: m.id, code, name: m.name };
    if (!opts.name) {
      throw new BadInputError(
        `--municipality: no municipality '${opts.municipality}' yet; add --name NAME to create it`,
      );
    }
    // Another import may be creating it at the same moment: take its row instead of failing
    // on the unique code (a plain INSERT answered "duplicate key value violates ...").
    return ensureMunicipality(client, { code, name: opts.name });
  }
  const rows = await firstMunicipalities(client, 3);
  if (rows.length === 1) return rows[0]!;
  throw new BadInputError(
    rows.length === 0
      ? 'import-bag needs --municipality CODE --name NAME (no municipality exists yet)'
      : `import-bag needs --municipality CODE: the database holds several municipalities (${rows.map((r) => r.code).join(', ')}${rows.length === 3 ? ', ...' : ''})`,
  );
}

const BATCH = 2000;

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

type Staged = {
  key: string;
  bag_id: string | null;
  street: string;
  huisnummer: number;
  huisletter: string | null;
  toevoeging: string | null;
  postcode: string | null;
  /** The postcode as the file gives it, when it is not a Dutch postcode (then `postcode` is null). */
  bad_postcode: string | null;
  place: string;
  geom: string;
};

/** The first [x, y] of a GeoJSON geometry's coordinates that is not a WGS 84 longitude/latitude. */
function badPosition(coords: unknown): [number, number] | undefined {
  if (!Array.isArray(coords)) return undefined;
  if (typeof coords[0] === 'number') {
    const [x, y] = coords as number[];
    return Number.isFinite(x) && Number.isFinite(y) && Math.abs(x!) <= 180 && Math.abs(y!) <= 90
      ? undefined
      : [x!, y!];
  }
  for (const c of coords) {
    const bad = badPosition(c);
    if (bad) return bad;
  }
  return undefined;
}

/** Turns one feature into a row, or a reason to reject it naming the file's field. */
export function toRow(f: OgrFeature, fields: FieldMap, defaultPlace: string): Staged | { reject: string } {
  const p = f.properties;
  const get = (k: Field) => (fields[k] ? p[fields[k]] : undefined);
  const field = (k: Field) => `field '${fields[k] ?? k}'`;
  const key = bagIdOf(get('id'));
  if (!key) return { reject: `${field('id')} is empty; every address needs its id` };
  const tooLong = textProblem(field('id'), key, MAX_ID_LENGTH);
  if (tooLong) return { reject: tooLong };
  const street = text(get('street'));
  const streetProblem = nameProblem(field('street'), street, 'every address needs its street');
  if (streetProblem) return { reject: streetProblem };
  const hnRaw = text(get('huisnummer'));
  const huisnummer = hnRaw && /^\d{1,5}$/.test(hnRaw) ? Number(hnRaw) : NaN;
  if (!(huisnummer >= 1))
    return { reject: `${field('huisnummer')} is '${hnRaw ?? ''}', not a house number from 1 to 99999` };
  const huisletter = text(get('huisletter'));
  if (huisletter !== null && !/^[A-Za-z]$/.test(huisletter))
    return { reject: `${field('huisletter')} is '${huisletter}', not one letter (a house letter)` };
  const toevoeging = text(get('toevoeging'));
  if (toevoeging !== null && !/^[A-Za-z0-9]{1,4}$/.test(toevoeging)) {
    return { reject: `${field('toevoeging')} is '${toevoeging}', not 1-4 letters or digits (an addition)` };
  }
  const place = text(get('place')) ?? defaultPlace;
  const placeProblem = textProblem(field('place'), place, MAX_NAME_LENGTH);
  if (placeProblem) return { reject: placeProblem };
  if (!f.geometry) return { reject: 'no geometry; every address needs a point or a polygon' };
  const bad = badPosition(f.geometry.coordinates);
  if (bad) {
    const rd = inRd(bad[0], bad[1])
      ? "; the numbers look like RD New (EPSG:28992) metres: is the layer's coordinate system declared wrongly?"
      : '';
    return {
      reject: `position (${bad[0]}, ${bad[1]}) is not a WGS 84 longitude/latitude as read with the layer's coordinate system${rd}`,
    };
  }
  const rawPostcode = text(get('postcode'));
  const postcode = normalisePostcode(rawPostcode) ?? null;
  return {
    key,
    bag_id: isNummeraanduidingId(key) ? key : null,
    street: street!,
    huisnummer,
    huisletter: huisletter?.toUpperCase() ?? null,
    toevoeging: toevoeging?.toUpperCase() ?? null,
    postcode,
    bad_postcode: rawPostcode !== null && postcode === null ? rawPostcode : null,
    place,
    geom: JSON.stringify(f.geometry),
  };
}

export async function importBag(
  file: string,
  opts: BagImportOptions,
  pool: Pool = db(),
): Promise<ImportSummary> {
  const base = path.basename(file);
  const { plan, left } = planLayers(file, opts.layers);
  const summary: ImportSummary = { ...emptySummary(), file: base };
  const warnings: string[] = [];
  if (left.length > 0) {
    warnings.push(
      `layer(s) ${left.join(', ')} not imported (no gebruiksdoel: moorings and pitches); pass --layer NAME for each layer to import`,
    );
  }
  const refusal = {
    actor: opts.actor,
    action: 'import.bag',
    municipalityCode: opts.municipality,
    details: { file: base, layers: plan.map((l) => l.name) },
  };

  return auditRefusal(pool, refusal, () =>
    withTransaction(async (client) => {
      const municipality = await resolveMunicipality(client, opts);
      const moveFrom = await moveFromMunicipality(client, opts.moveFrom, municipality.id);
      await repo.createBagStage(client);

      let ord = 0;
      for (const layer of plan) {
        if (!layer.fields.place)
          warnings.push(`layer ${layer.name} has no place field; using '${municipality.name}'`);
        let batch: (Staged & { ord: number; feature: string; id_field: string })[] = [];
        let gone: { ord: number; feature: string; key: string }[] = [];
        let index = 0;
        for await (const f of readFeatures(file, layer.name)) {
          index++;
          ord++;
          summary.read++;
          const p = f.properties;
          const rawId = text(layer.fields.id ? p[layer.fields.id] : undefined);
          const feature = `${layer.name} #${index}${rawId ? ` (${rawId.slice(0, 40)}${rawId.length > 40 ? '...' : ''})` : ''}`;
          const status = layer.fields.status ? p[layer.fields.status] : undefined;
          const ended = layer.fields.ended ? text(p[layer.fields.ended]) : null;
          const use = layer.fields.gebruiksdoel ? p[layer.fields.gebruiksdoel] : undefined;
          if (isWithdrawnOrUnbuilt(status) || ended !== null || !isResidentialUse(use)) {
            summary.skipped++;
            const key = bagIdOf(rawId);
            if (key && key.length <= MAX_ID_LENGTH) gone.push({ ord, feature, key });
            continue;
          }
          const row = toRow(f, layer.fields, municipality.name);
          if ('reject' in row) {
            summary.rejected++;
            if (summary.errors.length < 100) summary.errors.push({ feature, reason: row.reject });
            continue;
          }
          batch.push({ ...row, ord, feature, id_field: layer.fields.id! });
          if (batch.length >= BATCH) {
            await repo.stage(client, 'bag_address', batch);
            batch = [];
          }
          if (gone.length >= BATCH) {
            await repo.stage(client, 'bag_gone', gone);
            gone = [];
          }
        }
        await repo.stage(client, 'bag_address', batch);
        await repo.stage(client, 'bag_gone', gone);
      }

      // The same address twice in the file: the first is kept. With both copies staged, each
      // made a street, and the copy that lost left its street without addresses.
      const twice = await repo.dropRepeatedBagAddresses(client);
      for (const r of twice) {
        summary.rejected++;
        if (summary.errors.length < 100) {
          summary.errors.push({
            feature: r.feature,
            reason: `field '${r.id_field}': the address ${r.key} appears again (first as ${r.first}); the first is kept`,
          });
        }
      }
      const staged = await repo.stagedBagAddresses(client);
      refuseWhenNothingValid(base, summary, staged);

      // Addresses another municipality holds are not moved silently (a wrong --municipality).
      const conflicts = () => repo.bagConflicts(client, municipality.id);
      const moved = checkConflicts(base, municipality.code, await conflicts(), moveFrom);

      // An invalid postcode is stored as none (that address can get no letter): counted and
      // warned; an address stored earlier keeps the postcode it has.
      const b = await repo.firstBadPostcode(client);
      if (b) {
        const postcodeField =
          plan.find((l) => b.feature.startsWith(`${l.name} #`))?.fields.postcode ?? 'postcode';
        warnings.push(
          `${b.n} address(es) have a postcode that is not a Dutch postcode, first ${b.feature}: field '${postcodeField}' is '${b.bad_postcode}', not a Dutch postcode (1234 AB); new ones are stored without a postcode and can get no letter, stored ones keep theirs`,
        );
        await repo.keepStoredPostcodes(client);
      }

      // BAG has no street lines: a street is a name within a place, without geometry until an
      // OSM or NWB import adds its segments.
      await repo.insertBagStreets(client, municipality.id);
      const adr = await repo.upsertBagAddresses(client, municipality.id, moveFrom?.id ?? null);
      checkConflicts(base, municipality.code, await conflicts(), undefined);
      summary.imported += adr.inserted;
      summary.updated += adr.updated;
      summary.skipped += staged - adr.changed;
      // Withdrawn since the last import: keep the row (incidents may point at it) but stop
      // treating it as a home, so no letter goes there.
      const gone = await repo.markBagGone(client, municipality.id);
      summary.updated += gone;
      summary.skipped -= gone;
      // The same home loaded earlier from OpenStreetMap: BAG is authoritative, so the OSM copy
      // stops counting as a home (one letter per address, not two). import-osm applies the same rule.
      const superseded = await repo.supersedeOsmByBag(client, municipality.id);
      if (superseded)
        warnings.push(
          `${superseded} address(es) loaded from OpenStreetMap are now taken from the BAG instead`,
        );
      if (warnings.length) summary.warnings = warnings;
      if (moveFrom) {
        summary.moved = moved;
        await audit(client, {
          actor: opts.actor,
          action: 'import.bag.moved',
          municipalityId: moveFrom.id,
          details: { file: base, from: moveFrom.code, to: municipality.code, moved },
        });
      }
      await audit(client, {
        actor: opts.actor,
        action: 'import.bag',
        municipalityId: municipality.id,
        details: { file: base, layers: plan.map((l) => l.name), ...summary, errors: summary.errors.length },
      });
      return summary;
    }, pool),
  );
}
