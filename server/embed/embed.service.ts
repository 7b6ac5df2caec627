/**
 * The public map embedded in a municipality's website (issue 14): `/embed/<municipality>` is the
 * public map page without the page around it, and only the sites on the municipality's list may
 * frame it (CSP `frame-ancestors`). The list is kept per municipality in Postgres and changed by
 * an admin over the API; officers of the municipality may read it (for the snippet on their page).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { audit } from '../audit/audit';
import type { Actor } from '../campaigns/campaign-access';
import { config } from '../core/config';
import { db, withTransaction } from '../core/db';
import { NotFoundError } from '../core/errors';
import { municipalityByCode } from '../municipalities/municipalities.repo';
import { requestedMunicipality } from '../municipalities/municipality-access';
import * as repo from './embed.repo';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** One site, as browsers compare origins: https://host[:port] (http only on loopback, for tests and demos). */
export const EmbedOrigin = z
  .string()
  .trim()
  .max(200)
  .transform((s, ctx) => {
    let u: URL;
    try {
      u = new URL(s);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: `'${s}' is not a URL; give a site such as https://www.delft.nl`,
      });
      return z.NEVER;
    }
    const https = u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.test(u.hostname));
    if (
      !https ||
      u.username ||
      u.password ||
      u.search ||
      u.hash ||
      (u.pathname !== '/' && u.pathname !== '')
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `'${s}': give only the site, https://host[:port], without a path (http only for localhost)`,
      });
      return z.NEVER;
    }
    return u.origin;
  });

export const EmbedOriginsBody = z.object({ origins: z.array(EmbedOrigin).max(20) }).strict();

export interface EmbedOrigins {
  municipality: string;
  origins: { origin: string; addedBy: string; addedAt: string }[];
  /** The path to put in the iframe's src, on this server. */
  embedPath: string;
}

async function view(code: string, id: number): Promise<EmbedOrigins> {
  const rows = await repo.origins(id);
  return {
    municipality: code,
    origins: rows.map((r) => ({
      origin: r.origin,
      addedBy: r.created_actor,
      addedAt: r.created_at.toISOString(),
    })),
    embedPath: `/embed/${code}`,
  };
}

/** GET /api/municipalities/:code/embed-origins (officers and admins of the municipality). */
export async function listOrigins(code: string, actor: Actor): Promise<EmbedOrigins> {
  const m = await requestedMunicipality(actor, code, { param: 'code', unknown: 'not-found' });
  return view(m.code, m.id);
}

/** PUT /api/municipalities/:code/embed-origins {origins}: the whole new list (admins). Audited. */
export async function replaceOrigins(code: string, body: unknown, actor: Actor): Promise<EmbedOrigins> {
  const m = await requestedMunicipality(actor, code, { param: 'code', unknown: 'not-found' });
  const list = [...new Set(EmbedOriginsBody.parse(body).origins)];
  await withTransaction(async (q) => {
    const removed = await repo.deleteOthers(q, m.id, list);
    const added = await repo.insert(q, m.id, list, actor.actor);
    if (removed.length || added.length)
      await audit(q, {
        userId: actor.userId,
        actor: actor.actor,
        action: 'embed-origins.update',
        municipalityId: m.id,
        subjectType: 'municipality',
        subjectId: m.id,
        details: { added, removed },
        ip: actor.ip ?? null,
      });
  });
  return view(m.code, m.id);
}

let page: { file: string; html: string } | undefined;

/** The built public map page (dist/index.html), read once. */
function publicPage(): string {
  const file = path.join(config().rootDir, 'dist', 'index.html');
  if (page?.file !== file) {
    if (!fs.existsSync(file))
      throw new NotFoundError('the public map is not built on this server (npm run build)');
    page = { file, html: fs.readFileSync(file, 'utf8') };
  }
  return page.html;
}

/** GET /embed/:code: the page, and the frame-ancestors of that municipality. 404 for an unknown one. */
export async function embedPage(code: string): Promise<{ html: string; frameAncestors: string }> {
  const m = await municipalityByCode(db(), code);
  if (!m) throw new NotFoundError(`no public map for municipality '${code}'`);
  const origins = (await repo.origins(m.id)).map((r) => r.origin);
  return { html: publicPage(), frameAncestors: ["'self'", ...origins].join(' ') };
}
