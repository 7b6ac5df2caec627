/**
 * A small in-memory cache of finished public responses (body + ETag, and the body gzipped), so a
 * popular tile or figure is computed and compressed once per TTL however many residents ask.
 * Concurrent misses for the same key share one computation. Bounded: the oldest entries go first.
 */
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);

/** Bodies smaller than this are sent as they are (as the compression middleware's threshold). */
export const GZIP_THRESHOLD = 1024;

export interface CachedBody {
  body: Buffer;
  etag: string;
  /** The body gzipped, with its own strong ETag; null when it is small or does not shrink. */
  gzip: { body: Buffer; etag: string } | null;
}

function etagOf(body: Buffer, suffix = ''): string {
  return `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 22)}${suffix}"`;
}

/** A body with its strong ETag (a content hash) and its gzipped form (in libuv's thread pool). */
export async function cachedBody(body: Buffer): Promise<CachedBody> {
  const etag = etagOf(body);
  if (body.length < GZIP_THRESHOLD) return { body, etag, gzip: null };
  // Once per cache entry, so the best compression is affordable.
  const zipped = await gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION });
  // A content coding is another representation: its ETag must differ (RFC 9110, 8.8.3).
  return {
    body,
    etag,
    gzip: zipped.length < body.length ? { body: zipped, etag: etagOf(body, '-gz') } : null,
  };
}

export class ResponseCache {
  private readonly entries = new Map<string, { value: CachedBody; expires: number }>();
  private readonly pending = new Map<string, Promise<CachedBody>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5000,
  ) {}

  /**
   * The cached body for `key`, or `produce`'s (concurrent misses share one). `dataAt()` (asked
   * before producing) says when the data the body is made from was read: the entry then expires
   * a TTL after that, not after it was made, so a body made from data that was already cached
   * elsewhere is not kept for a second TTL, and one made from stale data is not kept at all.
   */
  async get(
    key: string,
    produce: () => Promise<Buffer>,
    dataAt?: () => Promise<number>,
  ): Promise<CachedBody> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.value;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const p = (async () => {
      const readAt = dataAt ? await dataAt() : Date.now();
      return { readAt, body: await cachedBody(await produce()) };
    })()
      .then(({ readAt, body: value }) => {
        const expires = Math.min(Date.now(), readAt) + this.ttlMs;
        if (this.ttlMs > 0 && expires > Date.now()) {
          if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
          this.entries.set(key, { value, expires });
        }
        return value;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, p);
    return p;
  }

  clear(): void {
    this.entries.clear();
  }
}
