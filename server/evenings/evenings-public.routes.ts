/**
 * The public side of prevention evenings: sign-up by personal code (rate limited: wrong codes
 * per IP address per 15 minutes, SIGNUP_RATE_LIMIT), the upcoming evenings of a municipality
 * and their calendar. Nothing answered here holds an address, a house number, a name, an
 * e-mail address or a code. The code travels in the request body, never in a URL (logs).
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { ZodError } from 'zod';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { AppError } from '../core/errors';
import { config } from '../core/config';
import { cancelSignup, lookUp, signUp } from './evening-signups';
import { PublicLang } from './evening-input';
import { eveningIcs, eveningsFeed, upcomingEvenings } from './evenings-public';
import { MunicipalityCode } from '../municipalities/municipality-access';
import { z } from 'zod';

const IcsParams = z.object({
  code: MunicipalityCode,
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});
const CACHE = 'public, max-age=60';
const ICS_TYPE = 'text/calendar; charset=utf-8';

/** Where the links point: PUBLIC_URL, else the host the request came to. */
function baseOf(req: Request): string {
  return config().PUBLIC_URL || `${req.protocol}://${req.get('host') ?? 'localhost'}/`;
}

const TOO_MANY =
  'too many wrong codes from this connection; wait 15 minutes and check the code in your letter';

const WINDOW_MS = 15 * 60 * 1000;

export function eveningsPublicRouter(): Router {
  const r = Router();
  const limit = config().SIGNUP_RATE_LIMIT;
  const keyOf = (req: Request) => ipKeyGenerator(req.ip ?? '');
  // Counts failed requests only (wrong codes, bad input): it is called from the error path
  // below, so any number of households behind one address signing up at once is never
  // stopped (a limiter in front would count requests still in flight as failures).
  const failures = rateLimit({
    windowMs: WINDOW_MS,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: keyOf,
    message: { error: { code: 'rate_limited', message: TOO_MANY } },
  });
  r.get('/api/public/:code/evenings', async (req, res) => {
    const code = MunicipalityCode.parse(req.params.code);
    const { lang } = PublicLang.parse(req.query);
    res.setHeader('Cache-Control', CACHE);
    res.json(await upcomingEvenings(code, lang, baseOf(req)));
  });
  r.get('/api/public/:code/evenings.ics', async (req, res) => {
    const code = MunicipalityCode.parse(req.params.code);
    const ics = await eveningsFeed(code);
    res.setHeader('Cache-Control', CACHE);
    res.type(ICS_TYPE).send(ics);
  });
  r.get('/api/public/:code/evenings/:id.ics', async (req, res) => {
    const { code, id } = IcsParams.parse(req.params);
    const ics = await eveningIcs(code, id);
    res.setHeader('Cache-Control', CACHE);
    res.setHeader('Content-Disposition', `attachment; filename="preventieavond-${id}.ics"`);
    res.type(ICS_TYPE).send(ics);
  });
  r.use('/api/public/signup', async (req: Request, _res: Response, next: NextFunction) => {
    const seen = await failures.getKey(keyOf(req));
    if (seen && seen.totalHits >= limit) return next(new AppError(TOO_MANY, 429, 'rate_limited'));
    next();
  });
  r.use('/api/public/signup', express.json({ limit: '10kb' }));
  r.post('/api/public/signup/lookup', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await lookUp(req.body));
  });
  r.post('/api/public/signup', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await signUp(req.body));
  });
  r.post('/api/public/signup/cancel', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await cancelSignup(req.body));
  });
  r.use('/api/public/signup', (err: unknown, req: Request, res: Response, next: NextFunction) => {
    // A 4xx of the resident's making counts; a 429 already counted, a 5xx is ours.
    const status = (err as { status?: number }).status ?? (err instanceof ZodError ? 400 : 500);
    if (status === 429 || status >= 500) return next(err);
    void failures(req, res, () => next(err));
  });
  return r;
}
