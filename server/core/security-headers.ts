/**
 * Security headers of every response (helmet), with the two rules that depend on the page:
 * - Framing: the public map page (`/`, `/index.html`) is meant to be embedded on the
 *   municipality's website, so it may be framed by its own site and the sites in
 *   PUBLIC_EMBED_ORIGINS; everything else (the officers' page, the API) by nobody:
 *   `frame-ancestors 'none'` and, for browsers without CSP level 2, `X-Frame-Options: DENY`.
 * - `upgrade-insecure-requests` only when TRUST_PROXY says TLS is in front: on a plain-HTTP
 *   deployment it made browsers fetch the page's own scripts over https (localhost excepted),
 *   so the map never loaded.
 */
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from './config';

/** Paths of the public map page, the only page that may be framed. */
function isPublicPage(req: Request): boolean {
  return req.path === '/' || req.path === '/index.html';
}

export function securityHeaders(cfg: Pick<Config, 'PUBLIC_EMBED_ORIGINS' | 'TRUST_PROXY'>): RequestHandler[] {
  const embedders = ["'self'", ...cfg.PUBLIC_EMBED_ORIGINS].join(' ');
  const frameAncestors = (req: unknown) => (isPublicPage(req as Request) ? embedders : "'none'");
  const frameOptions: RequestHandler = (req, res, next) => {
    if (!isPublicPage(req)) res.setHeader('X-Frame-Options', 'DENY');
    // X-Frame-Options cannot name other sites; where some are configured, frame-ancestors alone
    // decides (browsers that know it ignore X-Frame-Options anyway).
    else if (cfg.PUBLIC_EMBED_ORIGINS.length === 0) res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    next();
  };
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // The map renders in a web worker from a blob: URL and draws into canvas/blob images.
          'img-src': ["'self'", 'data:', 'blob:'],
          'worker-src': ["'self'", 'blob:'],
          'child-src': ["'self'", 'blob:'],
          'connect-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'frame-ancestors': [frameAncestors],
          // null leaves out helmet's default.
          'upgrade-insecure-requests': cfg.TRUST_PROXY ? [] : null,
        },
      },
      // Set per page above instead.
      frameguard: false,
      crossOriginEmbedderPolicy: false,
    }),
    frameOptions,
  ];
}
