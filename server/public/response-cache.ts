/**
 * A small in-memory cache of finished public responses (body + ETag), so a popular tile or
 * figure is computed once per TTL however many residents ask. Concurrent misses for the same
 * key share one computation. Bounded: the oldest entries go first.
 */
import crypto from 'node:crypto';

export interface CachedBody {
  body: Buffer;
  etag: string;
}

/** A body with its strong ETag (a content hash). */
export function withEtag(body: Buffer): CachedBody {
  return { body, etag: `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 22)}"` };
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
      .then((body) => {
        const value = withEtag(body);
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
