/**
 * Synthetic burglaries for the demo area, labelled `source = 'demo'` (no open Dutch dataset of
 * burglary points exists, see README.md, "Data sources and licences"). About 150 burglaries and
 * attempts over the last 120 days on real addresses of the municipality: near-repeat bursts (a
 * first burglary, then 2-6 more within ~200 m and ~2 weeks, mostly with the same method, as one
 * offender would) plus a background spread over the whole area and period.
 *
 * Deterministic: a fixed seed and the same day give the same incidents, keyed 'demo-<n>', so
 * running it again changes nothing.
 */
import type { Queryable } from '../core/db';
import { createRng, type Rng } from '../incidents/prng';
import { demoAddresses, upsertDemoIncidents, type DemoAddress } from './demo.repo';

export interface DemoIncidentOptions {
  seed?: number;
  /** "Today" for the generator; incidents fall in the 120 days before it (default: now). */
  now?: Date;
  /** How many incidents in total (default 150). */
  count?: number;
}

export interface DemoIncidentResult {
  imported: number;
  updated: number;
  skipped: number;
  /** Number of near-repeat bursts generated (each is one expected cluster). */
  bursts: number;
  /** External ids per burst ('demo-<n>'), for tests and the demo's explanation. */
  burstMembers: string[][];
}

/** Modus operandi weights for Dutch residential burglary (cylinder snapping is the classic). */
const MO_WEIGHTS: readonly (readonly [string, number])[] = [
  ['cylinder_snapping', 30],
  ['open_window_door', 20],
  ['door_forced', 15],
  ['window_forced', 15],
  ['latch_slipping', 10],
  ['climbing', 5],
  ['unknown', 5],
];

const MO_TEXT: Record<string, string> = {
  cylinder_snapping: 'Cilinder van voordeur afgebroken, woning betreden',
  latch_slipping: 'Dagschoot voordeur geflipperd met plastic kaart',
  open_window_door: 'Via openstaand raam achterzijde binnengekomen',
  door_forced: 'Achterdeur opengebroken met breekijzer',
  window_forced: 'Raam achterzijde geforceerd',
  climbing: 'Via balkon/plat dak ingeklommen',
  unknown: 'Werkwijze onbekend',
};

const PERIOD_DAYS = 120;
const BURST_RADIUS_M = 200;
const BURST_DAYS = 14;
const DAY_MS = 86_400_000;

interface DemoIncident {
  external_id: string;
  occurred_from: string;
  occurred_to: string;
  attempt: boolean;
  modus_operandi: string;
  mo_text: string;
  location_label: string;
  address_id: number;
  street_id: number | null;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng.next() * items.length)]!;
}

function makeIncident(rng: Rng, n: number, a: DemoAddress, day: Date, mo: string): DemoIncident {
  // Most burglaries happen while residents are out: daytime or early evening, a window of hours.
  const startHour = rng.weighted([
    [9, 3],
    [11, 3],
    [13, 3],
    [15, 2],
    [17, 3],
    [19, 2],
    [21, 1],
    [2, 1],
  ] as const);
  const from = new Date(day.getTime() + (startHour + rng.next()) * 3600_000);
  const to = new Date(from.getTime() + rng.int(1, 8) * 3600_000);
  return {
    external_id: `demo-${n}`,
    occurred_from: from.toISOString(),
    occurred_to: to.toISOString(),
    attempt: rng.next() < 0.35,
    modus_operandi: mo,
    mo_text: `${MO_TEXT[mo] ?? ''} (demo)`,
    location_label: a.street_name,
    address_id: a.id,
    street_id: a.street_id,
  };
}

/**
 * Generates (or refreshes) the demo incidents of a municipality. The addresses come from the
 * loaded address table (residential only), in a stable order (by source key).
 */
export async function generateDemoIncidents(
  q: Queryable,
  municipalityId: number,
  opts: DemoIncidentOptions = {},
): Promise<DemoIncidentResult> {
  const rng = createRng(opts.seed ?? 20200429);
  const now = opts.now ?? new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const count = opts.count ?? 150;

  const addresses = await demoAddresses(q, municipalityId);
  if (addresses.length === 0) return { imported: 0, updated: 0, skipped: 0, bursts: 0, burstMembers: [] };

  const dayAt = (daysAgo: number): Date => new Date(today - daysAgo * DAY_MS);
  const incidents: DemoIncident[] = [];
  let bursts = 0;
  const burstMembers: string[][] = [];
  // About 60% of incidents in bursts, the rest background.
  const burstTarget = Math.round(count * 0.6);
  while (incidents.length < burstTarget) {
    bursts++;
    const first = pick(rng, addresses);
    // The first burglary at least a few days back, so a follow-up can fit before today.
    const firstDaysAgo = rng.int(4, PERIOD_DAYS - 1);
    const burstMo = rng.weighted(MO_WEIGHTS);
    const start = incidents.length;
    incidents.push(makeIncident(rng, incidents.length + 1, first, dayAt(firstDaysAgo), burstMo));
    const near = addresses.filter(
      (a) => a !== first && Math.hypot(a.x - first.x, a.y - first.y) <= BURST_RADIUS_M,
    );
    const followUps = Math.min(rng.int(2, 6), burstTarget - incidents.length);
    for (let i = 0; i < followUps && near.length > 0; i++) {
      // Never today: an incident later than `now` would depend on the hour of the run.
      const daysAgo = Math.max(1, firstDaysAgo - rng.int(1, BURST_DAYS - 1));
      const mo = rng.next() < 0.7 ? burstMo : rng.weighted(MO_WEIGHTS);
      incidents.push(makeIncident(rng, incidents.length + 1, pick(rng, near), dayAt(daysAgo), mo));
    }
    burstMembers.push(incidents.slice(start).map((i) => i.external_id));
  }
  while (incidents.length < count) {
    const a = pick(rng, addresses);
    incidents.push(
      makeIncident(
        rng,
        incidents.length + 1,
        a,
        dayAt(rng.int(1, PERIOD_DAYS - 1)),
        rng.weighted(MO_WEIGHTS),
      ),
    );
  }

  const rows = await upsertDemoIncidents(q, municipalityId, incidents);
  const imported = rows.filter((r) => r.inserted).length;
  return {
    imported,
    updated: rows.length - imported,
    skipped: incidents.length - rows.length,
    bursts,
    burstMembers,
  };
}
