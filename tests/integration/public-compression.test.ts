/**
 * Compression of tiles and public answers. Issue 8: vector tiles were never gzipped (the
 * `compression` filter does not know application/vnd.mapbox-vector-tile: 57,753 B where gzip
 * gives 34,551 B), and public JSON was compressed again on every request. Cached public answers
 * and tiles are now gzipped once per cache entry and sent with a Content-Length (on-the-fly
 * compression streams them chunked, without one).
 */
import http from 'node:http';
import zlib from 'node:zlib';
import { clearPublicCache } from '../../server/public/public.routes';
import { bearer, createTestUser, useTestApp } from '../helpers/app';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET without any decoding (fetch would gunzip silently). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(`${app.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z,
    r = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  ];
}

const GZIP = { 'accept-encoding': 'gzip, deflate, br' };

/** Gzipped once, from the cache: the same bytes each time, with their length, and the plain body inside. */
async function expectPrecompressed(path: string): Promise<void> {
  const plain = await rawGet(path, { 'accept-encoding': 'identity' });
  expect(plain.status).toBe(200);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.length).toBeGreaterThan(1024);
  const first = await rawGet(path, GZIP);
  const second = await rawGet(path, GZIP);
  for (const r of [first, second]) {
    expect({ path, status: r.status, encoding: r.headers['content-encoding'] }).toEqual({
      path,
      status: 200,
      encoding: 'gzip',
    });
    expect(r.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(zlib.gunzipSync(r.body).equals(plain.body)).toBe(true);
  }
  expect(second.body.equals(first.body)).toBe(true);
  expect(first.body.length).toBeLessThan(plain.body.length * 0.8);
  // The two encodings are two representations: each has its own strong ETag, and either revalidates.
  expect(first.headers.etag).not.toBe(plain.headers.etag);
  for (const etag of [first.headers.etag!, plain.headers.etag!]) {
    expect((await rawGet(path, { ...GZIP, 'if-none-match': etag })).status).toBe(304);
  }
}

beforeAll(() => clearPublicCache());

test('public street tiles are gzipped once per cache entry', async () => {
  const [x, y] = tileOf(4.3575, 52.0115, 14);
  await expectPrecompressed(`/tiles/public/GM0503/14/${x}/${y}.mvt?period=12`);
});

test('base map tiles are gzipped once per cache entry', async () => {
  const [x, y] = tileOf(4.3705, 52.0, 15);
  await expectPrecompressed(`/tiles/basemap/15/${x}/${y}.mvt`);
});

test('public JSON is gzipped once per cache entry', async () => {
  await expectPrecompressed('/api/public/GM0503/streets?period=12');
  await expectPrecompressed('/api/public/GM0503/areas?period=12');
});

test("officers' vector tiles are gzipped too", async () => {
  const officer = await createTestUser(t.pool, { role: 'officer' });
  const [x, y] = tileOf(4.3725, 52.0, 14);
  // Compressed per request by the compression middleware (they are not cached): gzip when asked for.
  const r = await rawGet(`/tiles/streets/14/${x}/${y}.mvt`, {
    'accept-encoding': 'gzip',
    ...bearer(officer),
  });
  expect(r.status).toBe(200);
  expect(r.headers['content-encoding']).toBe('gzip');
  expect(zlib.gunzipSync(r.body).includes(Buffer.from('streets'))).toBe(true);
});
