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

  async get(key: string, produce: () => Promise<Buffer>): Promise<CachedBody> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.value;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const p = produce()
      .then(cachedBody)
      .then((value) => {
        if (this.ttlMs > 0) {
          if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
          this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
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
