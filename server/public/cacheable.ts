/** Answers a cached public response with ETag / Cache-Control, 304 when the client has it. */
import type { Request, Response } from 'express';
import type { CachedBody } from './response-cache';

export function sendCached(
  req: Request,
  res: Response,
  c: CachedBody,
  opts: { type: string; maxAgeSeconds: number; emptyIs204?: boolean },
): void {
  res.setHeader('Cache-Control', `public, max-age=${opts.maxAgeSeconds}, stale-while-revalidate=${opts.maxAgeSeconds}`);
  res.setHeader('ETag', c.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === c.etag)) {
    res.status(304).end();
    return;
  }
  if (opts.emptyIs204 && c.body.length === 0) {
    res.status(204).end();
    return;
  }
  res.setHeader('Content-Type', opts.type);
  res.setHeader('Content-Length', String(c.body.length));
  res.status(200).end(c.body);
}
