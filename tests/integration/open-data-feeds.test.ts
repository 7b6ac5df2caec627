/**
 * The residents' Atom feeds and open-data downloads: well-formed XML with the elements Atom
 * (RFC 4287) requires, CSV and GeoJSON that repeat the public map's published figures, a licence
 * and a data dictionary; and a privacy crawl over every feed and download: no house number,
 * postcode, registration number, exact date or time.
 */
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { generateDemoIncidents } from '../../server/setup/demo-incidents';
import { municipalityByCode } from '../../server/municipalities/municipalities.repo';
import { useTestApp } from '../helpers/app';
import { republish } from '../helpers/public-publications';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
const CODE = 'GM0503';

async function get(path: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(`${app.url}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

interface AtomFeed {
  '@_xmlns': string;
  id: string;
  title: string;
  updated: string;
  author: { name: string };
  link: unknown;
  entry: { id: string; title: string; updated: string; content: { '#text': string } };
}

function atom(xml: string): AtomFeed {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: AtomFeed };
  const feed = doc.feed;
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  for (const k of ['id', 'title', 'updated', 'author', 'link', 'entry'] as const)
    expect(feed[k]).toBeDefined();
  expect(feed.author.name).toMatch(/Delft/);
  expect(new Date(feed.updated).toISOString()).toBe(feed.updated.replace(/\.\d+Z$/, '.000Z'));
  const entry = feed.entry;
  for (const k of ['id', 'title', 'updated', 'content'] as const) expect(entry[k]).toBeDefined();
  return feed;
}

let streetsApi: {
  months: [string, string];
  streets: Array<{
    id: number;
    name: string;
    count: number | null;
    few: boolean;
    merged: boolean;
    areaKey: string;
  }>;
};

beforeAll(async () => {
  const m = await municipalityByCode(t.pool, CODE);
  await generateDemoIncidents(t.pool, m!.id);
  await republish(t.pool, CODE);
  streetsApi = (await (
    await fetch(`${app.url}/api/public/${CODE}/streets?period=12`)
  ).json()) as typeof streetsApi;
});

test('an Atom feed per street and per area, valid, with the published figures', async () => {
  const shown = streetsApi.streets.find((s) => !s.merged)!;
  const r = await get(`/api/public/${CODE}/streets/${shown.id}/feed.atom`);
  expect(r.status).toBe(200);
  expect(r.type).toMatch(/^application\/atom\+xml/);
  const feed = atom(r.text);
  expect(feed.title).toBe(`Inbraken in ${shown.name}, Delft`);
  expect(feed.entry.content['#text']).toContain(shown.name);
  // Its link opens that street on the public map, as a letter's link does.
  const alternate = /<link rel="alternate" type="text\/html" href="([^"]+)"/
    .exec(r.text)![1]!
    .replace(/&#38;/g, '&');
  const u = new URL(alternate);
  expect([u.searchParams.get('gemeente'), u.searchParams.get('street'), u.searchParams.get('lang')]).toEqual([
    CODE,
    String(shown.id),
    'nl',
  ]);
  expect((await fetch(alternate)).status).toBe(200);
  const en = await get(`/api/public/${CODE}/streets/${shown.id}/feed.atom?lang=en`);
  expect(atom(en.text).title).toMatch(/^Burglaries in /);

  const areas = (await (await fetch(`${app.url}/api/public/${CODE}/areas`)).json()) as {
    areas: Array<{ key: string; name: string }>;
  };
  const area = areas.areas[0]!;
  const ra = await get(`/api/public/${CODE}/areas/${encodeURIComponent(area.key)}/feed.atom`);
  expect(ra.status).toBe(200);
  expect(atom(ra.text).title).toBe(`Inbraken in ${area.name}`);

  expect((await get(`/api/public/${CODE}/streets/999999999/feed.atom`)).status).toBe(404);
  expect((await get(`/api/public/${CODE}/streets/abc/feed.atom`)).status).toBe(400);
  expect((await get(`/api/public/${CODE}/streets/${shown.id}/feed.atom?lang=fr`)).status).toBe(400);
});

test('CSV and GeoJSON per municipality and period repeat the public figures, with licence and data dictionary', async () => {
  const c = await get(`/api/public/${CODE}/open-data/streets.csv?period=12`);
  expect(c.status).toBe(200);
  expect(c.type).toMatch(/^text\/csv/);
  const rows = parse(c.text, { columns: true }) as Array<Record<string, string>>;
  expect(rows).toHaveLength(streetsApi.streets.length);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const s of streetsApi.streets) {
    const r = byId.get(String(s.id))!;
    expect(r.month_from).toBe(streetsApi.months[0]);
    expect(r.month_to).toBe(streetsApi.months[1]);
    expect(r.merged).toBe(String(s.merged));
    expect(r.count).toBe(s.merged || s.count === null ? '' : String(s.count));
    expect(r.few_or_withheld).toBe(String(!s.merged && s.few));
  }
  expect(rows.some((r) => r.few_or_withheld === 'true')).toBe(true);

  const g = await get(`/api/public/${CODE}/open-data/streets.geojson?period=3`);
  expect(g.type).toMatch(/^application\/geo\+json/);
  const fc = JSON.parse(g.text) as {
    type: string;
    licence: unknown;
    features: Array<{ geometry: { type: string } | null; properties: Record<string, unknown> }>;
  };
  expect(fc.type).toBe('FeatureCollection');
  expect(JSON.stringify(fc.licence)).toMatch(/ODbL/);
  expect(fc.features.filter((f) => f.geometry).every((f) => /LineString$/.test(f.geometry!.type))).toBe(true);
  expect(fc.features.filter((f) => f.geometry).length).toBeGreaterThan(10);

  const ac = parse((await get(`/api/public/${CODE}/open-data/areas.csv?period=1`)).text, {
    columns: true,
  }) as Array<Record<string, string>>;
  expect(ac.length).toBeGreaterThan(0);
  expect(ac.every((r) => r.level === 'area')).toBe(true);
  // Every area number of every period is the map's own figure: the downloads add no cell of their own.
  for (const period of [1, 3, 12]) {
    const api = (await (await fetch(`${app.url}/api/public/${CODE}/areas?period=${period}`)).json()) as {
      areas: Array<{ key: string; count: number | null; few: boolean; hidden: boolean }>;
    };
    const csv = parse((await get(`/api/public/${CODE}/open-data/areas.csv?period=${period}`)).text, {
      columns: true,
    }) as Array<Record<string, string>>;
    const shownAreas = api.areas
      .filter((a) => !a.hidden && a.count !== null)
      .map((a) => `${a.key}=${a.count}`);
    const keyCol = Object.keys(csv[0]!).find((k) => /key|id/.test(k))!;
    const csvAreas = csv.filter((r) => r.count !== '').map((r) => `${r[keyCol]}=${r.count}`);
    expect(csvAreas.sort()).toEqual(shownAreas.sort());
  }

  const cat = JSON.parse((await get(`/api/public/${CODE}/open-data`)).text) as {
    licence: unknown;
    dictionary: Record<string, string>;
    downloads: Array<{ url: string }>;
  };
  expect(JSON.stringify(cat.licence)).toMatch(/CC BY 4\.0/);
  for (const col of Object.keys(rows[0]!))
    expect(cat.dictionary[col === 'few_or_withheld' ? col : col]).toBeDefined();
  expect(cat.downloads).toHaveLength(12);
  for (const d of cat.downloads) expect((await fetch(d.url)).status).toBe(200);
  expect((await get(`/api/public/${CODE}/open-data/streets.xlsx`)).status).toBe(400);
  expect((await get(`/api/public/${CODE}/open-data/streets.csv?period=7`)).status).toBe(400);
});

test('privacy crawl: no feed or download holds a house number, postcode, registration number, exact date or time', async () => {
  const cat = JSON.parse((await get(`/api/public/${CODE}/open-data`)).text) as {
    downloads: Array<{ url: string }>;
  };
  const urls = cat.downloads.map((d) => d.url.replace(app.url, ''));
  for (const s of streetsApi.streets.slice(0, 40)) urls.push(`/api/public/${CODE}/streets/${s.id}/feed.atom`);
  for (const key of new Set(streetsApi.streets.map((s) => s.areaKey)))
    urls.push(`/api/public/${CODE}/areas/${encodeURIComponent(key)}/feed.atom?lang=en`);
  const incidents = await t.pool.query<{ external_id: string }>(
    `SELECT external_id FROM incidents WHERE external_id IS NOT NULL`,
  );
  expect(incidents.rows.length).toBeGreaterThan(10);
  const names = streetsApi.streets.map((s) => s.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const houseNumber = new RegExp(`\\b(${names.join('|')})\\s+\\d`);
  for (const u of urls) {
    const r = await get(u);
    expect(r.status).toBe(200);
    // The Atom <updated> is the month's cut-off (midnight on the 1st), the one instant allowed.
    const body = r.text.replace(/<updated>[^<]+<\/updated>/g, '');
    expect(body).not.toMatch(houseNumber);
    expect(body).not.toMatch(/\b[1-9]\d{3}\s?[A-Z]{2}\b/); // postcode
    expect(body).not.toMatch(/\b\d{4}-\d{2}-\d{2}/); // a date finer than a month
    expect(body).not.toMatch(/\b\d{1,2}:\d{2}\b/); // a clock time
    for (const i of incidents.rows) expect(body).not.toContain(i.external_id);
  }
});
