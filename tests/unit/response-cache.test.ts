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

test('an entry expires a TTL after its data was read, and data already stale is not kept', async () => {
  const cache = new ResponseCache(1_000);
  let produced = 0;
  const produce = async () => Buffer.from(`{"n":${++produced}}`);
  // Data read 600 ms ago: the entry lives 400 ms more, not a whole TTL.
  await cache.get('k', produce, async () => Date.now() - 600);
  await cache.get('k', produce, async () => Date.now() - 600);
  expect(produced).toBe(1);
  await new Promise((r) => setTimeout(r, 500));
  await cache.get('k', produce, async () => Date.now());
  expect(produced).toBe(2);
  // Data older than the TTL (a stale snapshot being refreshed): made for this request only.
  await cache.get('old', produce, async () => Date.now() - 5_000);
  await cache.get('old', produce, async () => Date.now() - 5_000);
  expect(produced).toBe(4);
});
