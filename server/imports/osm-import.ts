/**
 * `import-osm FILE`: named streets and address points from an OpenStreetMap extract (PBF or
 * XML), read with GDAL's OSM driver. One transaction: the database is unchanged unless the
 * whole file imports. Idempotent: keyed by OSM object (n123 / w456 / r789); a second import
 * of the same file reports every row as skipped.
 */
import path from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { db, withTransaction } from '../core/db';
import { BadInputError } from '../core/errors';
import { audit } from '../audit/audit';
import { listLayers, readFeatures, type OgrFeature } from '../geo/ogr';
import { emptySummary, type ImportSummary } from './import-summary';
import { normalisePostcode, parseHouseNumber } from './address-parts';
import { ensureMunicipality } from '../municipalities/municipalities.repo';
import { sql } from '../core/sql';
import { rebuildWalkNetwork, upsertWalkWays } from '../routing/walk-network.repo';
import { textProblem, MAX_NAME_LENGTH } from '../core/stored-text';
import {
  auditRefusal,
  checkConflicts,
  moveFromMunicipality,
  nameProblem,
  refuseWhenNothingValid,
  type Conflict,
} from './import-refusal';

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

async function stage(client: PoolClient, table: string, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
    [JSON.stringify(rows)],
  );
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
      const municipalityId = await ensureMunicipality(client, opts.municipality);
      const moveFrom = await moveFromMunicipality(client, opts.moveFrom, municipalityId);
      await client.query(
        `CREATE TEMP TABLE osm_segment (key text, name text, highway text, geom text) ON COMMIT DROP`,
      );
      await client.query(
        `CREATE TEMP TABLE osm_walk_way (key text, name text, highway text, geom text) ON COMMIT DROP`,
      );
      await client.query(`CREATE TEMP TABLE osm_address (key text, street text, huisnummer int, huisletter text,
      toevoeging text, postcode text, place text, residential boolean, geom text) ON COMMIT DROP`);

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
          await stage(client, 'osm_segment', batch);
          batch = [];
        }
      }
      await stage(client, 'osm_segment', batch);

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
          await stage(client, 'osm_walk_way', batch);
          batch = [];
        }
      }
      await stage(client, 'osm_walk_way', batch);

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
            await stage(client, 'osm_address', batch);
            batch = [];
          }
        }
      }
      await stage(client, 'osm_address', batch);
      const { rows: stagedRows } = await client.query<{ n: string }>(
        'SELECT (SELECT count(*) FROM osm_segment) + (SELECT count(*) FROM osm_address) AS n',
      );
      const staged = Number(stagedRows[0]!.n);
      refuseWhenNothingValid(base, summary, staged);

      // Streets and addresses another municipality holds are not moved silently (a wrong --municipality).
      const conflicts = async () =>
        (await client.query<Conflict>(sql('imports/osm-conflicts'), [municipalityId])).rows;
      const moved = checkConflicts(base, opts.municipality.code, await conflicts(), moveFrom);

      // Streets: one per name; the place is the one most of its addresses give.
      await client.query(
        `INSERT INTO streets (municipality_id, name, place)
       SELECT $1, s.name, COALESCE(
         (SELECT a.place FROM osm_address a WHERE a.street = s.name GROUP BY a.place ORDER BY count(*) DESC LIMIT 1), $2)
       FROM (SELECT DISTINCT name FROM osm_segment UNION SELECT DISTINCT street FROM osm_address) s
       ON CONFLICT (municipality_id, name, place) DO NOTHING`,
        [municipalityId, opts.municipality.name],
      );
      // The WHERE clauses keep every segment and address within the municipality, or take it from
      // the one --move-from names: a concurrent import cannot move one either (checked again below).
      const seg = await client.query<{ inserted: boolean }>(
        `INSERT INTO street_segments (street_id, source, source_key, highway, geom)
       SELECT DISTINCT ON (o.key) st.id, 'osm', o.key, o.highway,
              ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(o.geom), 4326), 28992)
       FROM osm_segment o JOIN streets st ON st.municipality_id = $1 AND st.name = o.name
       ORDER BY o.key, st.place
       ON CONFLICT (source, source_key) DO UPDATE
         SET street_id = EXCLUDED.street_id, highway = EXCLUDED.highway, geom = EXCLUDED.geom
         WHERE (SELECT s.municipality_id FROM streets s WHERE s.id = street_segments.street_id) IN ($1, $2)
           AND (street_segments.street_id, street_segments.highway, ST_AsBinary(street_segments.geom))
               IS DISTINCT FROM (EXCLUDED.street_id, EXCLUDED.highway, ST_AsBinary(EXCLUDED.geom))
       RETURNING (xmax = 0) AS inserted`,
        [municipalityId, moveFrom?.id ?? null],
      );
      const adr = await client.query<{ inserted: boolean }>(
        `INSERT INTO addresses (municipality_id, street_id, source, source_key, street_name, huisnummer, huisletter,
                              toevoeging, postcode, place, residential, geom)
       SELECT DISTINCT ON (o.key) $1, st.id, 'osm', o.key, o.street, o.huisnummer, o.huisletter, o.toevoeging,
              o.postcode, o.place,
              -- A home the BAG already supplies (same postcode and number) is not counted twice.
              o.residential AND NOT EXISTS (
                SELECT 1 FROM addresses b
                WHERE b.source = 'bag' AND b.municipality_id = $1 AND b.postcode = o.postcode
                  AND b.huisnummer = o.huisnummer AND b.huisletter IS NOT DISTINCT FROM o.huisletter
                  AND b.toevoeging IS NOT DISTINCT FROM o.toevoeging),
              ST_Transform(ST_PointOnSurface(ST_SetSRID(ST_GeomFromGeoJSON(o.geom), 4326)), 28992)
       FROM osm_address o
       LEFT JOIN streets st ON st.municipality_id = $1 AND st.name = o.street
       ORDER BY o.key, (st.place = o.place) DESC NULLS LAST
       ON CONFLICT (source, source_key) DO UPDATE
         SET municipality_id = EXCLUDED.municipality_id, street_id = EXCLUDED.street_id, street_name = EXCLUDED.street_name,
             huisnummer = EXCLUDED.huisnummer, huisletter = EXCLUDED.huisletter, toevoeging = EXCLUDED.toevoeging,
             postcode = EXCLUDED.postcode, place = EXCLUDED.place, residential = EXCLUDED.residential, geom = EXCLUDED.geom
         WHERE addresses.municipality_id IN ($1, $2)
           AND (addresses.municipality_id, addresses.street_id, addresses.street_name, addresses.huisnummer, addresses.huisletter,
                addresses.toevoeging, addresses.postcode, addresses.place, addresses.residential, ST_AsBinary(addresses.geom))
           IS DISTINCT FROM (EXCLUDED.municipality_id, EXCLUDED.street_id, EXCLUDED.street_name, EXCLUDED.huisnummer,
                EXCLUDED.huisletter, EXCLUDED.toevoeging, EXCLUDED.postcode, EXCLUDED.place, EXCLUDED.residential,
                ST_AsBinary(EXCLUDED.geom))
       RETURNING (xmax = 0) AS inserted`,
        [municipalityId, moveFrom?.id ?? null],
      );
      checkConflicts(base, opts.municipality.code, await conflicts(), undefined);
      for (const r of [...seg.rows, ...adr.rows]) {
        if (r.inserted) summary.imported++;
        else summary.updated++;
      }
      summary.skipped += staged - seg.rows.length - adr.rows.length;
      await refreshStreetGeometry(client, municipalityId);
      await upsertWalkWays(client, municipalityId);
      await rebuildWalkNetwork(client, municipalityId);
      if (moveFrom) {
        // The streets the segments left keep their rows (incidents may point at them), not their lines.
        await refreshStreetGeometry(client, moveFrom.id);
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

/** Rebuilds each street's merged geometry from its segments; a street without segments has none. */
export async function refreshStreetGeometry(client: PoolClient, municipalityId: number): Promise<void> {
  await client.query(
    `UPDATE streets s SET geom = g.geom
     FROM (SELECT street_id, ST_Multi(ST_LineMerge(ST_Collect(geom)))::geometry(MultiLineString, 28992) AS geom
           FROM street_segments GROUP BY street_id) g
     WHERE g.street_id = s.id AND s.municipality_id = $1 AND s.geom IS DISTINCT FROM g.geom`,
    [municipalityId],
  );
  await client.query(
    `UPDATE streets s SET geom = NULL
     WHERE s.municipality_id = $1 AND s.geom IS NOT NULL AND NOT EXISTS (SELECT 1 FROM street_segments g WHERE g.street_id = s.id)`,
    [municipalityId],
  );
}
