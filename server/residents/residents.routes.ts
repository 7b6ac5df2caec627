/**
 * Residents: e-mail alerts (subscribe with double opt-in, confirm, one-click unsubscribe).
 * No sign-in; nothing here is cached.
 *   POST /api/public/:code/alerts          {email, lang, frequency, streetId|areaKey|circle, consent}
 *   GET  /alerts/confirm?token=…           page with a button (mail scanners that open links confirm nothing)
 *   POST /alerts/confirm?token=…           confirms
 *   GET  /alerts/unsubscribe?token=…       page with a one-click button
 *   POST /alerts/unsubscribe?token=…       unsubscribes: the button, and RFC 8058 one-click POST
 *                                          (body List-Unsubscribe=One-Click) from the mail headers
 */
import express, { Router, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { config } from '../core/config';
import { MunicipalityCode } from '../municipalities/municipality-access';
import { sendCached } from '../public/cacheable';
import { cachedBody, type CachedBody } from '../public/response-cache';
import * as alerts from './alerts.service';
import * as feeds from './feeds.service';
import * as openData from './open-data.service';

const TokenQuery = z.object({ token: alerts.Token });

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(res: Response, status: number, lang: 'nl' | 'en', title: string, body: string): void {
  res
    .status(status)
    .type('html')
    .setHeader('Cache-Control', 'no-store')
    .send(
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${esc(title)}</title></head><body style="font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em"><main><h1>${esc(title)}</h1>${body}</main></body></html>`,
    );
}

function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
}

export function residentsRouter(): Router {
  const r = Router();
  const small = [express.json({ limit: '8kb' }), express.urlencoded({ extended: false, limit: '8kb' })];
  const limiter = rateLimit({
    windowMs: 60 * 60 * 1000,
    limit: config().ALERT_SUBSCRIBE_RATE_LIMIT,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skipFailedRequests: true,
    message: {
      error: { code: 'rate_limited', message: 'too many subscriptions from here; try again in an hour' },
    },
  });

  r.post('/api/public/:code/alerts', limiter, ...small, async (req, res) => {
    const code = MunicipalityCode.parse(req.params.code);
    const body = alerts.SubscribeBody.parse(req.body ?? {});
    res.setHeader('Cache-Control', 'no-store');
    res.status(202).json(await alerts.subscribe(code, body, alerts.baseUrlFor(origin(req))));
  });

  r.get('/alerts/confirm', async (req, res) => {
    const { token } = TokenQuery.parse(req.query);
    const s = await alerts.confirmation(token);
    if (!s) return gone(res, 'confirm');
    const nl = s.lang === 'nl';
    page(
      res,
      200,
      s.lang,
      nl ? 'Inbraakmeldingen bevestigen' : 'Confirm burglary alerts',
      `<p>${esc(nl ? `Meldingen over inbraken in ${s.targetLabel}.` : `Alerts about burglaries in ${s.targetLabel}.`)}</p>
<form method="post" action="/alerts/confirm?token=${esc(token)}"><button type="submit">${nl ? 'Ja, stuur mij deze meldingen' : 'Yes, send me these alerts'}</button></form>`,
    );
  });

  r.post('/alerts/confirm', ...small, async (req, res) => {
    const { token } = TokenQuery.parse(req.query);
    const s = await alerts.confirmation(token);
    if (!s || !(await alerts.confirm(token))) return gone(res, 'confirm');
    const nl = s.lang === 'nl';
    page(
      res,
      200,
      s.lang,
      nl ? 'Bevestigd' : 'Confirmed',
      `<p>${esc(nl ? `U krijgt voortaan meldingen over ${s.targetLabel}. Elke mail heeft een link om u af te melden.` : `You will get alerts about ${s.targetLabel}. Every mail has a link to unsubscribe.`)}</p>`,
    );
  });

  r.get('/alerts/unsubscribe', async (req, res) => {
    const { token } = TokenQuery.parse(req.query);
    const s = await alerts.unsubscribeInfo(token);
    if (!s) return gone(res, 'unsubscribe');
    const nl = s.lang === 'nl';
    page(
      res,
      200,
      s.lang,
      nl ? 'Afmelden' : 'Unsubscribe',
      `<p>${esc(nl ? `Geen meldingen meer over ${s.targetLabel}? Uw adres wordt meteen gewist.` : `No more alerts about ${s.targetLabel}? Your address is deleted at once.`)}</p>
<form method="post" action="/alerts/unsubscribe?token=${esc(token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${nl ? 'Afmelden' : 'Unsubscribe'}</button></form>`,
    );
  });

  r.post('/alerts/unsubscribe', ...small, async (req, res) => {
    const { token } = TokenQuery.parse(req.query);
    const s = await alerts.unsubscribeInfo(token);
    // Unsubscribing twice is fine: the address is gone either way.
    if (s) await alerts.unsubscribe(token);
    const nl = (s?.lang ?? 'nl') === 'nl';
    page(
      res,
      200,
      nl ? 'nl' : 'en',
      nl ? 'Afgemeld' : 'Unsubscribed',
      `<p>${nl ? 'U krijgt geen meldingen meer; uw e-mailadres is gewist.' : 'You will get no more alerts; your e-mail address has been deleted.'}</p>`,
    );
  });

  const atom = async (req: Request, res: Response, make: () => Promise<string>) => {
    const body: CachedBody = await cachedBody(Buffer.from(await make()));
    sendCached(req, res, body, {
      type: 'application/atom+xml; charset=utf-8',
      maxAgeSeconds: config().PUBLIC_CACHE_SECONDS,
    });
  };
  r.get('/api/public/:code/streets/:id/feed.atom', async (req, res) => {
    const code = MunicipalityCode.parse(req.params.code);
    const id = feeds.StreetId.parse(req.params.id);
    const { lang } = feeds.FeedQuery.parse(req.query);
    await atom(req, res, () => feeds.streetFeed(code, id, lang, alerts.baseUrlFor(origin(req))));
  });
  r.get('/api/public/:code/areas/:key/feed.atom', async (req, res) => {
    const code = MunicipalityCode.parse(req.params.code);
    const key = feeds.AreaKey.parse(req.params.key);
    const { lang } = feeds.FeedQuery.parse(req.query);
    await atom(req, res, () => feeds.areaFeed(code, key, lang, alerts.baseUrlFor(origin(req))));
  });

  const Level = z.object({ file: z.enum(['streets.csv', 'streets.geojson', 'areas.csv', 'areas.geojson']) });
  r.get('/api/public/:code/open-data', async (req, res) => {
    const code = MunicipalityCode.parse(req.params.code);
    const body = await cachedBody(
      Buffer.from(JSON.stringify(await openData.catalogue(code, alerts.baseUrlFor(origin(req))))),
    );
    sendCached(req, res, body, {
      type: 'application/json; charset=utf-8',
      maxAgeSeconds: config().PUBLIC_CACHE_SECONDS,
    });
  });
  r.get('/api/public/:code/open-data/:file', async (req, res) => {
    const code = MunicipalityCode.parse(req.params.code);
    const { file } = Level.parse(req.params);
    const [level, format] = file.split('.') as ['streets' | 'areas', 'csv' | 'geojson'];
    const q = openData.OpenDataQuery.parse({ ...req.query, level });
    const name = `preventiekaart-${code}-${level}-${q.period}m.${format}`;
    const body =
      format === 'csv' ? await openData.csv(code, q) : JSON.stringify(await openData.geojson(code, q));
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    sendCached(req, res, await cachedBody(Buffer.from(body)), {
      type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json',
      maxAgeSeconds: config().PUBLIC_CACHE_SECONDS,
    });
  });

  return r;
}

function gone(res: Response, what: 'confirm' | 'unsubscribe'): void {
  page(
    res,
    404,
    'nl',
    'Link niet (meer) geldig / Link no longer valid',
    what === 'confirm'
      ? '<p>Deze bevestigingslink is verlopen of al gebruikt. Meld u opnieuw aan op de kaart.</p><p lang="en">This confirmation link has expired or was used already. Subscribe again on the map.</p>'
      : '<p>U bent al afgemeld.</p><p lang="en">You are unsubscribed already.</p>',
  );
}
