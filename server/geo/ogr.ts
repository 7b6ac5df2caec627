/**
 * Reading geodata with GDAL (ogr2ogr / ogrinfo), the field's standard tool, instead of
 * hand-written parsers: OSM PBF, GeoPackage, Shapefile, GeoJSON, CSV ... all come out as
 * GeoJSON features in EPSG:4326 (GeoJSONSeq always writes WGS 84), streamed line by line.
 * PostGIS transforms them to EPSG:28992 on insert.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { config } from '../core/config';
import { BadInputError } from '../core/errors';

export interface OgrFeature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown } | null;
}

export interface OgrLayer {
  name: string;
  geometryType: string;
}

/** GDAL's OSM driver configuration that exposes the tags Preventiekaart needs as fields. */
export const OSM_CONFIG_FILE = path.join(config().rootDir, 'data', 'osm', 'osmconf.ini');

function gdalEnv(): NodeJS.ProcessEnv {
  return { ...process.env, OSM_CONFIG_FILE };
}

/** The first GDAL error line of stderr, without the "ERROR n:" prefix. */
function gdalError(stderr: string): string {
  const line =
    stderr.split('\n').find((l) => l.startsWith('ERROR') || l.includes('FAILURE')) ??
    stderr.trim().split('\n')[0] ??
    '';
  return (
    line
      .replace(/^ERROR \d+:\s*/, '')
      .replace(/^FAILURE:\s*/, '')
      .trim() || 'GDAL could not read it'
  );
}

function assertReadable(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new BadInputError(`${file}: no such file`);
  }
  if (!st.isFile()) throw new BadInputError(`${file}: not a file`);
  if (st.size === 0) throw new BadInputError(`${file}: the file is empty`);
}

/** Lists the vector layers of a file; a file GDAL cannot open is a BadInputError naming it. */
export function listLayers(file: string): OgrLayer[] {
  assertReadable(file);
  const r = spawnSync('ogrinfo', ['-ro', '-q', file], { env: gdalEnv(), encoding: 'utf8' });
  if (r.error) throw new Error(`ogrinfo is not installed (apt-get install gdal-bin): ${r.error.message}`);
  if (r.status !== 0) throw new BadInputError(`${file}: ${gdalError(r.stderr)}`);
  const layers: OgrLayer[] = [];
  for (const line of r.stdout.split('\n')) {
    const m = /^\d+: (.+?)(?: \((.+)\))?$/.exec(line.trim());
    if (m) layers.push({ name: m[1]!, geometryType: m[2] ?? 'None' });
  }
  if (layers.length === 0) throw new BadInputError(`${file}: GDAL opened it but found no layers`);
  return layers;
}

/**
 * The attribute fields of one layer (name and OGR type), in file order. Parses `ogrinfo -so`:
 * every field is printed as `name: Type (width.precision)` after the layer header.
 */
export function layerFields(file: string, layer: string): { name: string; type: string }[] {
  assertReadable(file);
  const r = spawnSync('ogrinfo', ['-ro', '-so', '-nomd', file, layer], { env: gdalEnv(), encoding: 'utf8' });
  if (r.error) throw new Error(`ogrinfo is not installed (apt-get install gdal-bin): ${r.error.message}`);
  if (r.status !== 0) throw new BadInputError(`${file}: ${gdalError(r.stderr)}`);
  const fields: { name: string; type: string }[] = [];
  for (const line of r.stdout.split('\n')) {
    const m = /^(\S.*?): (String|Integer64|Integer|Real|Date|DateTime|Time|Binary|\w+List) \(/.exec(line);
    if (m) fields.push({ name: m[1]!, type: m[2]! });
  }
  return fields;
}

/**
 * Streams the features of one layer. `where` is an OGR SQL filter (a constant written in
 * code, never user input). Throws a BadInputError naming the file when GDAL fails.
 */
export async function* readFeatures(file: string, layer: string, where?: string): AsyncGenerator<OgrFeature> {
  assertReadable(file);
  const args = ['-f', 'GeoJSONSeq', '/vsistdout/', file, layer, '-lco', 'RS=NO'];
  if (where) args.push('-where', where);
  const child = spawn('ogr2ogr', args, { env: gdalEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 10_000) stderr += d;
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (err) =>
      reject(new Error(`ogr2ogr is not installed (apt-get install gdal-bin): ${err.message}`)),
    );
    child.on('close', (code) => resolve(code ?? 1));
  });
  const lines = readline.createInterface({ input: child.stdout, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.trim()) yield JSON.parse(line) as OgrFeature;
    }
    const code = await exited;
    // GDAL's OSM driver reports a truncated file as "ERROR 1: ... parsing of data around byte N"
    // and still exits 0, so an ERROR line on stderr fails the read too.
    if (code !== 0 || /^ERROR/m.test(stderr)) throw new BadInputError(`${file}: ${gdalError(stderr)}`);
  } finally {
    if (child.exitCode === null) child.kill();
  }
}
