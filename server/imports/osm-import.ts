/**
 * `import-osm FILE`: named streets and address points from an OpenStreetMap extract (PBF or
 * XML), read with GDAL's OSM driver. One transaction: the database is unchanged unless the
 * whole file imports. Idempotent: keyed by OSM object (n123 / w456 / r789); a second import
 * of the same file reports every row as skipped.
 */
import path from 'node:path';
import type { Pool } from 'pg';
import { db, withTransaction } from '../core/db';
import { BadInputError } from '../core/errors';
import { audit } from '../audit/audit';
import { listLayers, readFeatures, type OgrFeature } from '../geo/ogr';
import { emptySummary, type ImportSummary } from './import-summary';
import { normalisePostcode, parseHouseNumber } from './address-parts';
import { ensureMunicipality } from '../municipalities/municipalities.repo';
import { rebuildWalkNetwork, upsertWalkWays } from '../routing/walk-network.repo';
import { textProblem, MAX_NAME_LENGTH } from '../core/stored-text';
import {
  auditRefusal,
  checkConflicts,
  moveFromMunicipality,
  nameProblem,
  refuseWhenNothingValid,
} from './import-refusal';
import * as repo from './imports.repo';

const STREET_HIGHWAYS = [
  'residential',
  'living_street',
  'unclassified',
  'tertiary',
  'secondary',
  'primary',
  'service',
  'pedestrian',
  'footway',
  'cycleway',
  'path',
  'track',
  'road',
  'trunk',
  'tertiary_link',
  'secondary_link',
  'primary_link',
  'steps',
];
// Ways a pedestrian may not or cannot use are left out of the walking network (issue 11); every
// other highway is walkable, named or not (footways, paths, steps, service roads).
const NOT_WALKABLE_HIGHWAYS = new Set([
  'motorway',
  'motorway_link',
  'construction',
  'proposed',
  'abandoned',
  'raceway',
  'bus_guideway',
  'busway',
  'platform',
]);
const FOOT_FORBIDDEN = /"foot"=>"(no|private)"/;
const ACCESS_FORBIDDEN = /"access"=>"(no|private)"/;
const FOOT_ALLOWED = /"foot"=>"(yes|designated|permissive)"/;

/** Whether a pedestrian may walk along an OSM way with this highway tag and these other tags. */
export function walkable(highway: string, otherTags: string): boolean {
  if (NOT_WALKABLE_HIGHWAYS.has(highway)) return false;
  if (FOOT_FORBIDDEN.test(otherTags)) return false;
  return !ACCESS_FORBIDDEN.test(otherTags) || FOOT_ALLOWED.test(otherTags);
}

// Address objects with these tags are businesses or institutions, not homes. OSM has no
// gebruiksdoel; BAG (import-bag) is the authoritative source where it is loaded.
const NON_RESIDENTIAL_TAGS = /"(office|shop|amenity|craft|tourism|healthcare|industrial)"=>/;
const NON_RESIDENTIAL_BUILDINGS = new Set([
  'commercial',
  'industrial',
  'retail',
  'office',
  'school',
  'university',
  'college',
  'church',
  'warehouse',
  'hospital',
  'public',
  'civic',
  'government',
  'train_station',
  'supermarket',
  'sports_hall',
]);

export interface OsmImportOptions {
  municipality: { code: string; name: string };
  /**
   * Code of the municipality that addresses and street segments of the file may be moved from.
   * Without it, one stored for another municipality refuses the file (a wrong --municipality).
   */
  moveFrom?: string;
  actor: string;
}

const BATCH = 2000;

function osmKey(f: OgrFeature, layer: string): string | undefined {
  const p = f.properties;
  if (layer === 'points') return p.osm_id ? `n${String(p.osm_id)}` : undefined;
  if (layer === 'lines') return p.osm_id ? `w${String(p.osm_id)}` : undefined;
  if (p.osm_way_id) return `w${String(p.osm_way_id)}`;
  return p.osm_id ? `r${String(p.osm_id)}` : undefined;
}

export async function importOsm(
  file: string,
  opts: OsmImportOptions,
  pool: Pool = db(),
): Promise<ImportSummary> {
  const layers = listLayers(file).map((l) => l.name);
  if (!layers.includes('lines') || !layers.includes('points')) {
    throw new BadInputError(
      `${file}: not an OpenStreetMap file (GDAL read it as layer(s) ${layers.map((l) => `'${l}'`).join(', ')}); import-osm needs an .osm.pbf or .osm file`,
    );
  }
  const base = path.basename(file);
  const summary: ImportSummary = { ...emptySummary(), file: base };
  const reject = (feature: string, reason: string): void => {
    summary.rejected++;
    if (summary.errors.length < 100) summary.errors.push({ feature, reason });
  };
  const refusal = {
    actor: opts.actor,
    action: 'import.osm',
    municipalityCode: opts.municipality.code,
    details: { file: base },
  };

  return auditRefusal(pool, refusal, () =>
    withTransaction(async (client) => {
      const municipalityId = (await ensureMunicipality(client, opts.municipality)).id;
      const moveFrom = await moveFromMunicipality(client, opts.moveFrom, municipalityId);
      await repo.createOsmStage(client);

      let batch: object[] = [];
      for await (const f of readFeatures(file, 'lines', `highway IS NOT NULL AND name IS NOT NULL`)) {
        summary.read++;
        const key = osmKey(f, 'lines');
        const highway = String(f.properties.highway);
        if (!key || !f.geometry || !STREET_HIGHWAYS.includes(highway)) {
          summary.skipped++;
          continue;
        }
        const name = String(f.properties.name).trim();
        const problem =
          nameProblem("tag 'name'", name, 'a street needs its name') ?? textProblem("tag 'name'", name);
        if (problem) {
          reject(key, problem);
          continue;
        }
        batch.push({ key, name, highway, geom: JSON.stringify(f.geometry) });
        if (batch.length >= BATCH) {
          await repo.stage(client, 'osm_segment', batch);
          batch = [];
        }
      }
      await repo.stage(client, 'osm_segment', batch);

      // The walking network takes unnamed ways too; they are not streets, so the summary leaves them out.
      batch = [];
      for await (const f of readFeatures(file, 'lines', `highway IS NOT NULL`)) {
        const key = osmKey(f, 'lines');
        const highway = String(f.properties.highway);
        if (!key || f.geometry?.type !== 'LineString') continue;
        if (!walkable(highway, String(f.properties.other_tags ?? ''))) continue;
        const name = f.properties.name ? String(f.properties.name).trim() : '';
        batch.push({
          key,
          name: name && !textProblem("tag 'name'", name) ? name : null,
          highway,
          geom: JSON.stringify(f.geometry),
        });
        if (batch.length >= BATCH) {
          await repo.stage(client, 'osm_walk_way', batch);
          batch = [];
        }
      }
      await repo.stage(client, 'osm_walk_way', batch);

      batch = [];
      for (const layer of ['points', 'multipolygons']) {
        if (!layers.includes(layer)) continue;
        for await (const f of readFeatures(
          file,
          layer,
          'addr_housenumber IS NOT NULL AND addr_street IS NOT NULL',
        )) {
          summary.read++;
          const p = f.properties;
          const key = osmKey(f, layer) ?? '?';
          const hn = parseHouseNumber(String(p.addr_housenumber));
          const postcode = normalisePostcode(p.addr_postcode as string | undefined);
          const street = String(p.addr_street).trim();
          const place = p.addr_city ? String(p.addr_city).trim() : opts.municipality.name;
          const problem =
            (!hn
              ? `tag 'addr:housenumber' is '${String(p.addr_housenumber)}', not one address (a number from 1 to 99999, a letter, an addition)`
              : undefined) ??
            nameProblem("tag 'addr:street'", street, 'an address needs its street') ??
            textProblem("tag 'addr:street'", street) ??
            textProblem("tag 'addr:city'", place, MAX_NAME_LENGTH) ??
            (!f.geometry ? 'no geometry' : undefined);
          if (key === '?' || problem) {
            reject(key, problem ?? 'no OpenStreetMap id');
            continue;
          }
          const otherTags = String(p.other_tags ?? '');
          const residential =
            !NON_RESIDENTIAL_TAGS.test(otherTags) && !NON_RESIDENTIAL_BUILDINGS.has(String(p.building ?? ''));
          batch.push({
            key,
            street,
            ...hn,
            postcode: postcode ?? null,
            place,
            residential,
            geom: JSON.stringify(f.geometry),
          });
          if (batch.length >= BATCH) {
            await repo.stage(client, 'osm_address', batch);
            batch = [];
          }
        }
      }
      await repo.stage(client, 'osm_address', batch);
      const staged = await repo.stagedOsmRows(client);
      refuseWhenNothingValid(base, summary, staged);

      // Streets and addresses another municipality holds are not moved silently (a wrong --municipality).
      const conflicts = () => repo.osmConflicts(client, municipalityId);
      const moved = checkConflicts(base, opts.municipality.code, await conflicts(), moveFrom);

      // Streets: one per name; the place is the one most of its addresses give.
      await repo.insertOsmStreets(client, municipalityId, opts.municipality.name);
      // The WHERE clauses keep every segment and address within the municipality, or take it from
      // the one --move-from names: a concurrent import cannot move one either (checked again below).
      const seg = await repo.upsertOsmSegments(client, municipalityId, moveFrom?.id ?? null);
      const adr = await repo.upsertOsmAddresses(client, municipalityId, moveFrom?.id ?? null);
      checkConflicts(base, opts.municipality.code, await conflicts(), undefined);
      summary.imported += seg.inserted + adr.inserted;
      summary.updated += seg.updated + adr.updated;
      summary.skipped += staged - seg.changed - adr.changed;
      await repo.refreshStreetGeometry(client, municipalityId);
      await upsertWalkWays(client, municipalityId);
      await rebuildWalkNetwork(client, municipalityId);
      if (moveFrom) {
        // The streets the segments left keep their rows (incidents may point at them), not their lines.
        await repo.refreshStreetGeometry(client, moveFrom.id);
        summary.moved = moved;
        await audit(client, {
          actor: opts.actor,
          action: 'import.osm.moved',
          municipalityId: moveFrom.id,
          details: { file: base, from: moveFrom.code, to: opts.municipality.code, moved },
        });
      }
      await audit(client, {
        actor: opts.actor,
        action: 'import.osm',
        municipalityId,
        details: { ...summary, errors: summary.errors.length },
      });
      return summary;
    }, pool),
  );
}
