import zlib from 'node:zlib';
import { ResponseCache } from '../../server/public/response-cache';

test('a cache entry is computed and gzipped once, whoever asks', async () => {
  const cache = new ResponseCache(60_000);
  let produced = 0;
  const body = Buffer.from(
    JSON.stringify({ streets: Array.from({ length: 200 }, (_, i) => ({ id: i, band: 'none' })) }),
  );
  const produce = async () => {
    produced++;
    return body;
  };
  const [a, b] = await Promise.all([cache.get('k', produce), cache.get('k', produce)]);
  const c = await cache.get('k', produce);
  expect(produced).toBe(1);
  expect(b).toBe(a);
  expect(c).toBe(a);
  expect(a.gzip).not.toBeNull();
  expect(zlib.gunzipSync(a.gzip!.body).equals(body)).toBe(true);
  expect(a.gzip!.etag).not.toBe(a.etag);
});

test('small bodies are not gzipped', async () => {
  const c = await new ResponseCache(60_000).get('small', async () => Buffer.from('{"municipalities":[]}'));
  expect(c.gzip).toBeNull();
});
