/**
 * `/embed/:code` (public: the map page for an iframe, framed only by the municipality's sites)
 * and `/api/municipalities/:code/embed-origins` (read: officers; change: admins).
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { currentUser, requireUser } from '../auth/auth.middleware';
import type { Actor } from '../campaigns/campaign-access';
import { MunicipalityCode } from '../municipalities/municipality-access';
import * as embed from './embed.service';

const CodeParam = z.object({ code: MunicipalityCode });

function actorOf(req: Request): Actor {
  const u = currentUser(req);
  return { userId: u.id, actor: u.email, municipalities: u.municipalities, ip: req.ip ?? null };
}

/** The public page: mounted before the session lookup, like the public map. */
export function embedPageRouter(): Router {
  const r = Router();
  r.get('/embed/:code', async (req, res) => {
    const { code } = CodeParam.parse(req.params);
    const page = await embed.embedPage(code);
    // The security headers said "no framing" for any page but the map's own; this one is framed
    // by the municipality's sites only. X-Frame-Options cannot name sites: frame-ancestors decides.
    const csp = String(res.getHeader('Content-Security-Policy') ?? '');
    res.setHeader(
      'Content-Security-Policy',
      /frame-ancestors [^;]*/.test(csp)
        ? csp.replace(/frame-ancestors [^;]*/, `frame-ancestors ${page.frameAncestors}`)
        : `${csp}${csp ? ';' : ''}frame-ancestors ${page.frameAncestors}`,
    );
    res.removeHeader('X-Frame-Options');
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(page.html);
  });
  return r;
}

export function embedOriginsRouter(): Router {
  const r = Router();
  r.get('/api/municipalities/:code/embed-origins', requireUser('officer'), async (req, res) => {
    res.json(await embed.listOrigins(CodeParam.parse(req.params).code, actorOf(req)));
  });
  r.put('/api/municipalities/:code/embed-origins', requireUser('admin'), async (req, res) => {
    res.json(await embed.replaceOrigins(CodeParam.parse(req.params).code, req.body, actorOf(req)));
  });
  return r;
}
