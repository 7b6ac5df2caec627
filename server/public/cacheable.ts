/**
 * Answers a cached public response with ETag / Cache-Control, 304 when the client has it, and
 * the gzipped bytes of the cache entry when the client accepts gzip (compressed once per entry,
 * not per request: the compression middleware leaves these responses alone, see shouldCompress).
 */
import compression from 'compression';
import type { Request, Response } from 'express';
import type { CachedBody } from './response-cache';

/** res.locals flag: the body is already in its final encoding. */
const SENT_FROM_CACHE = 'pkSentFromCache';

export function sendCached(
  req: Request,
  res: Response,
  c: CachedBody,
  opts: { type: string; maxAgeSeconds: number; emptyIs204?: boolean },
): void {
  res.locals[SENT_FROM_CACHE] = true;
  const zipped = c.gzip && req.acceptsEncodings('gzip') === 'gzip' ? c.gzip : null;
  res.setHeader(
    'Cache-Control',
    `public, max-age=${opts.maxAgeSeconds}, stale-while-revalidate=${opts.maxAgeSeconds}`,
  );
  res.setHeader('ETag', zipped?.etag ?? c.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  const inm = req.headers['if-none-match'];
  const etags = c.gzip ? [c.etag, c.gzip.etag] : [c.etag];
  if (inm && inm.split(',').some((t) => etags.includes(t.trim().replace(/^W\//, '')))) {
    res.status(304).end();
    return;
  }
  if (opts.emptyIs204 && c.body.length === 0) {
    res.status(204).end();
    return;
  }
  const body = zipped?.body ?? c.body;
  res.setHeader('Content-Type', opts.type);
  if (zipped) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', String(body.length));
  res.status(200).end(body);
}

/**
 * The compression middleware's filter: its default (compressible MIME types) plus vector tiles,
 * which it does not know (MVT shrinks to about 60%); never a response sendCached answered.
 */
export function shouldCompress(req: Request, res: Response): boolean {
  if (res.locals[SENT_FROM_CACHE]) return false;
  if (String(res.getHeader('Content-Type') ?? '').startsWith('application/vnd.mapbox-vector-tile'))
    return true;
  return compression.filter(req, res);
}
