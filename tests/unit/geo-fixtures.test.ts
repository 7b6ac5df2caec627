/**
 * GeoJSON in/out fixtures, as Turf tests its modules: tests/fixtures/geo/<name>.in.geojson holds
 * the input (parameters in the collection's `properties`), <name>.out.geojson what the code makes
 * of it. `REGEN=1 npx jest tests/unit/geo-fixtures.test.ts` rewrites the .out files after an
 * intended change (read the diff before committing it). Each case also checks the result against
 * a brute-force computation and that the input was not mutated. Coordinates are RD New metres
 * (the analysis works in EPSG:28992), so the files carry a `crs` member saying so.
 *
 * - clusters-*: near-repeat cluster members (server/analysis/near-repeat-groups.ts).
 * - address-circles-*: the addresses of a risk zone, a union of circles with a cocoon inside,
 *   from the in-memory address index (server/analysis/address-index.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  ROW_HEIGHT_M,
  buildAddressIndex,
  countAddressesInCircles,
  forEachAddressInCircles,
  type Circle,
} from '../../server/analysis/address-index';
import { nearRepeatGroups } from '../../server/analysis/near-repeat-groups';

const DIR = path.resolve(__dirname, '../fixtures/geo');

interface PointFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}
interface Collection {
  type: 'FeatureCollection';
  crs?: unknown;
  properties?: Record<string, number>;
  features: PointFeature[];
}

const cases = (prefix: string) =>
  fs
    .readdirSync(DIR)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.in.geojson'))
    .map((f) => f.replace(/\.in\.geojson$/, ''));

/** Compares with the stored .out file, or writes it with REGEN=1. */
function expectOut(name: string, out: object): void {
  const file = path.join(DIR, `${name}.out.geojson`);
  if (process.env.REGEN === '1') fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  expect(out).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
}

function read(name: string): { input: Collection; before: string } {
  const before = fs.readFileSync(path.join(DIR, `${name}.in.geojson`), 'utf8');
  return { input: JSON.parse(before) as Collection, before };
}

describe.each(cases('clusters-'))('near-repeat clusters: %s', (name) => {
  test('matches the .out fixture and brute force; the input is not mutated', () => {
    const { input, before } = read(name);
    const { distanceM, days, minSize } = input.properties as {
      distanceM: number;
      days: number;
      minSize: number;
    };
    const f = input.features;
    const pts = {
      ids: f.map((p) => p.properties.id as number),
      x: Float64Array.from(f, (p) => p.geometry.coordinates[0]),
      y: Float64Array.from(f, (p) => p.geometry.coordinates[1]),
      t: Float64Array.from(f, (p) => p.properties.day as number),
    };
    const groups = [...nearRepeatGroups(pts, distanceM, days, minSize).values()].sort(
      (a, b) => a[0]! - b[0]!,
    );

    // Brute force: link every pair within both limits, then flood-fill.
    const linked = (i: number, j: number) =>
      Math.hypot(pts.x[i]! - pts.x[j]!, pts.y[i]! - pts.y[j]!) <= distanceM &&
      Math.abs(pts.t[i]! - pts.t[j]!) <= days;
    const seen = new Set<number>();
    const brute: number[][] = [];
    for (let s = 0; s < f.length; s++) {
      if (seen.has(s)) continue;
      const component = [s];
      seen.add(s);
      for (let k = 0; k < component.length; k++)
        for (let j = 0; j < f.length; j++)
          if (!seen.has(j) && linked(component[k]!, j)) {
            seen.add(j);
            component.push(j);
          }
      if (component.length >= minSize) brute.push(component.map((i) => pts.ids[i]!).sort((a, b) => a - b));
    }
    expect(groups).toEqual(brute.sort((a, b) => a[0]! - b[0]!));

    const byId = new Map(f.map((p) => [p.properties.id as number, p]));
    expectOut(name, {
      type: 'FeatureCollection',
      crs: input.crs,
      properties: input.properties,
      features: groups.map((ids) => ({
        type: 'Feature',
        geometry: { type: 'MultiPoint', coordinates: ids.map((id) => byId.get(id)!.geometry.coordinates) },
        properties: { id: `c${ids[0]}`, size: ids.length, members: ids },
      })),
    });
    expect(JSON.stringify(input)).toEqual(JSON.stringify(JSON.parse(before)));
  });
});

describe.each(cases('address-circles-'))('addresses in risk-zone circles: %s', (name) => {
  test('matches the .out fixture and brute force; count agrees with the visit; input not mutated', () => {
    const { input, before } = read(name);
    const addresses = input.features
      .filter((p) => p.properties.address !== undefined)
      .map((p) => ({
        id: p.properties.address as number,
        x: p.geometry.coordinates[0],
        y: p.geometry.coordinates[1],
      }))
      // The order addressIndex() loads them in (sql/queries/analysis/address-points.sql).
      .sort((a, b) => Math.floor(a.y / ROW_HEIGHT_M) - Math.floor(b.y / ROW_HEIGHT_M) || a.x - b.x);
    const circles = (role: string): Circle[] =>
      input.features
        .filter((p) => p.properties.circle === role)
        .map((p) => ({
          x: p.geometry.coordinates[0],
          y: p.geometry.coordinates[1],
          r: p.properties.radius as number,
        }));
    const outer = circles('outer');
    const inner = circles('inner');
    const index = buildAddressIndex('1', addresses);

    const inZone: number[] = [];
    const inCocoon: number[] = [];
    forEachAddressInCircles(index, outer, inner, (i, inInner) => {
      inZone.push(index.ids[i]!);
      if (inInner) inCocoon.push(index.ids[i]!);
    });
    inZone.sort((a, b) => a - b);
    inCocoon.sort((a, b) => a - b);
    expect(new Set(inZone).size).toBe(inZone.length); // each address once
    expect(countAddressesInCircles(index, outer)).toBe(inZone.length);

    const within = (cs: Circle[]) =>
      addresses
        .filter((a) => cs.some((c) => Math.hypot(a.x - c.x, a.y - c.y) <= c.r))
        .map((a) => a.id)
        .sort((a, b) => a - b);
    expect(inZone).toEqual(within(outer));
    expect(inCocoon).toEqual(within(outer).filter((id) => within(inner).includes(id)));

    const at = new Map(addresses.map((a) => [a.id, [a.x, a.y]]));
    const multiPoint = (ids: number[], circle: string) => ({
      type: 'Feature',
      geometry: { type: 'MultiPoint', coordinates: ids.map((id) => at.get(id)) },
      properties: { circle, count: ids.length, addresses: ids },
    });
    expectOut(name, {
      type: 'FeatureCollection',
      crs: input.crs,
      features: [multiPoint(inZone, 'outer'), multiPoint(inCocoon, 'inner')],
    });
    expect(JSON.stringify(input)).toEqual(JSON.stringify(JSON.parse(before)));
  });
});
