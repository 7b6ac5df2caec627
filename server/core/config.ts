/**
 * The only reader of `process.env`. Parsed once with zod, typed and frozen: a bad variable
 * stops start-up with its name instead of failing later in a request.
 */
import path from 'node:path';
import { z } from 'zod';

const root = path.resolve(__dirname, '..', '..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/preventiekaart'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** Prefix for every BullMQ key, so test runs and the demo never share queues. */
  REDIS_PREFIX: z.string().min(1).default('pk'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public base URL, used in letters (QR code) and printed by `npm run demo`. */
  PUBLIC_URL: z.string().url().optional(),
  /**
   * Sites that may embed the public map page in an iframe (CSP frame-ancestors), e.g.
   * `https://www.delft.nl,https://*.delft.nl`: origins only (scheme, host, optional port).
   * Officers' pages may be framed by nobody, whatever this says.
   */
  PUBLIC_EMBED_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(/[\s,]+/).filter(Boolean))
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i,
            'origins like https://www.delft.nl (scheme and host, optional port, no path), separated by commas',
          ),
      ),
    ),
  /** Behind a TLS-terminating proxy: mark cookies Secure and trust X-Forwarded-*. */
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** Where rendered letter PDFs are stored, named by content hash. */
  STORAGE_DIR: z.string().default(path.join(root, 'var', 'storage')),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Failed sign-ins in a row before an account is locked, and for how long (BIO: per account, not only per IP). */
  LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Roles that must sign in with a TOTP code as well (comma-separated; 'admin,officer,planner' for everyone). */
  TOTP_REQUIRED_ROLES: z
    .string()
    .default('admin')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(['admin', 'officer', 'planner']))),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /** Wrong sign-up codes per IP address per 15 minutes before 429 (prevention evenings). */
  SIGNUP_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /** Reminder e-mails go to households that left an address this many hours before the evening. */
  EVENING_REMINDER_HOURS: z.coerce.number().int().min(1).max(336).default(48),
  /** Near-repeat defaults (docs/readme/incidents.md, "Risk zones"): cocoon 200 m / 14 days, watch zone 400 m / 60 days. */
  NEAR_REPEAT_DISTANCE_M: z.coerce.number().positive().default(200),
  NEAR_REPEAT_DAYS: z.coerce.number().positive().default(14),
  WATCH_ZONE_DISTANCE_M: z.coerce.number().positive().default(400),
  WATCH_ZONE_DAYS: z.coerce.number().positive().default(60),
  STREET_SNAP_DISTANCE_M: z.coerce.number().positive().default(50),
  /** Public map: streets with fewer residential addresses are merged into their area. */
  PUBLIC_MIN_ADDRESSES: z.coerce.number().int().positive().default(8),
  /** Public map: counts below this are shown as "a few", never as a number or 0. */
  PUBLIC_MIN_COUNT: z.coerce.number().int().positive().default(3),
  /** Largest incident file the upload endpoint accepts (police.uk/nl-csv/GeoJSON). */
  INCIDENT_UPLOAD_MAX_MB: z.coerce.number().positive().default(100),
  /** Knox test: Monte Carlo permutations (NearRepeat's default is 999); requests may ask 19 .. 9999. */
  KNOX_PERMUTATIONS: z.coerce.number().int().min(19).max(9999).default(999),
  /** Public map: how long figures and tiles are cached in memory and by browsers (seconds). */
  PUBLIC_CACHE_SECONDS: z.coerce.number().int().nonnegative().default(60),
  /** Public map: size of the grid cells (metres, RD) used where no buurt/wijk boundaries are loaded. */
  PUBLIC_GRID_M: z.coerce.number().int().positive().default(500),
  /** Where generated map glyphs (SDF font PBFs) are cached. */
  GLYPH_DIR: z.string().default(path.join(root, 'var', 'glyphs')),
  /**
   * Retention of incident detail (README.md, "Privacy"): incidents that ended longer ago are
   * deleted daily by the worker and by `purge-incidents`. The public map looks back 12 months and
   * the Knox test a year, so the default keeps two years.
   */
  INCIDENT_RETENTION_DAYS: z.coerce.number().int().min(30).default(730),
  LETTER_REPEAT_DAYS: z.coerce.number().int().nonnegative().default(30),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(2),
  LETTER_BATCH_SIZE: z.coerce.number().int().positive().default(50),
  /** BullMQ lock of a letter job; a killed worker's job is picked up again after about this long. */
  LETTER_LOCK_MS: z.coerce.number().int().min(1000).default(30000),
  /** Attempts of a letter job for transient failures (browser crash, timeout), exponential backoff. */
  LETTER_ATTEMPTS: z.coerce.number().int().positive().default(5),
  LETTER_BACKOFF_MS: z.coerce.number().int().positive().default(2000),
  /** Documents a worker renders in one Chromium tab before closing it (1: a new tab per batch, least memory). */
  LETTER_TAB_USES: z.coerce.number().int().positive().default(10),
  /** Print the optional KIX barcode (PostNL) under the address. */
  LETTER_KIX: bool.default(true),
  /**
   * Residents' e-mail alerts (docs/readme/residents.md): the SMTP server the worker sends through
   * (smtp://host:port, smtps://user:pass@host:465, ...), the sender, how long a confirmation link
   * is valid (unconfirmed addresses are deleted after it), how often the worker looks for newly
   * published months, and the retries of a mail the SMTP server refused.
   */
  SMTP_URL: z.string().url().default('smtp://127.0.0.1:2525'),
  MAIL_FROM: z.string().min(3).default('Preventiekaart <alerts@preventiekaart.localhost>'),
  ALERT_CONFIRM_HOURS: z.coerce.number().int().min(1).max(168).default(48),
  ALERT_SCAN_MINUTES: z.coerce.number().int().min(1).default(60),
  /** Subscriptions one client (IP) may make per hour (refused ones do not count). */
  ALERT_SUBSCRIBE_RATE_LIMIT: z.coerce.number().int().positive().default(20),
  ALERT_ATTEMPTS: z.coerce.number().int().positive().default(6),
  ALERT_BACKOFF_MS: z.coerce.number().int().positive().default(5000),
  /** Street inspections: walking speed along the route (km/h) and time spent looking per street (minutes). */
  INSPECTION_WALK_KMH: z.coerce.number().min(0.5).max(10).default(4),
  INSPECTION_MINUTES_PER_STREET: z.coerce.number().min(0).max(120).default(5),
});

export type Config = Readonly<z.infer<typeof Env>> & { readonly rootDir: string };

/** Parses an environment; exported for tests. Throws one readable error naming every bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return Object.freeze({ ...parsed.data, rootDir: root });
}

let cached: Config | undefined;

/** The process configuration, parsed on first use. */
export function config(): Config {
  if (!cached) {
    try {
      cached = parseConfig(process.env);
    } catch (err) {
      // Start-up (server, worker, CLI) stops with one line naming the variable, not a stack
      // trace: config() first runs while modules load, before any error handler exists.
      process.stderr.write(`error: ${(err as Error).message}\n`);
      process.exit(1);
    }
  }
  return cached;
}
