/**
 * A letter campaign end to end with real PostgreSQL, Redis and Chromium: POST /api/campaigns
 * over a demo street, the worker renders, and the print file holds exactly one letter per
 * residential address (pdftotext against the database); a second campaign leaves out the
 * addresses that had the same kind of letter lately; downloads are audited.
 */
// Must come first: the file gets its own Redis prefix before config() is read.
import '../helpers/own-redis-prefix';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLetterWorker } from '../../jobs/letters/letter-worker';
import { reconcile } from '../../server/campaigns/campaigns.service';
import { closeLetterQueue } from '../../server/letters/letter-queue';
import { config } from '../../server/core/config';
import { useTestApp, createTestUser, bearer, type TestUser } from '../helpers/app';
import {
  addressLines,
  burglaryIn,
  demoStreets,
  occurrences,
  waitUntilDone,
  type DemoStreet,
} from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';
import { pdfPages, pdfText } from '../helpers/pdf';

let worker: ReturnType<typeof startLetterWorker>;
// Declared before the database's own afterAll (jest runs them in this order): the worker and its
// job in hand finish before the pool ends, or a job's last transaction would race the pool's end.
afterAll(async () => {
  await worker?.close();
  await closeLetterQueue();
});
const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let streets: DemoStreet[];

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
  worker = startLetterWorker();
  streets = await demoStreets(t.pool, 15, 60);
});

const post = (body: unknown, user = officer) =>
  fetch(`${app.url}/api/campaigns`, {
    method: 'POST',
    headers: { ...bearer(user), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const get = (p: string, user = officer) => fetch(`${app.url}${p}`, { headers: bearer(user) });

describe('a cocoon campaign over a demo street', () => {
  let street: DemoStreet;
  let other: DemoStreet;
  let campaignId: number;
  let incident: { incidentId: number; victimAddressId: number };

  test('POST creates one letter per residential address, without the victim', async () => {
    [street, other] = [streets[0]!, streets[1]!];
    incident = await burglaryIn(t.pool, street.id, 'it-campaign-1');
    const res = await post({
      kind: 'cocoon',
      language: 'nl',
      selection: { streetIds: [street.id] },
      incidentId: incident.incidentId,
    });
    const body = await res.json();
    expect(res.status).toBe(201);
    campaignId = body.id;
    expect(body.counts.total).toBe(street.n - 1);
    expect(body.counts.excluded).toBe(0);
  });

  test('the worker renders every letter; the print file has one page per address, in postcode order', async () => {
    const counts = await waitUntilDone(t.pool, campaignId);
    expect(counts).toEqual({ rendered: street.n - 1 });
    const status = await (await get(`/api/campaigns/${campaignId}`)).json();
    expect(status).toMatchObject({
      status: 'done',
      counts: { total: street.n - 1, rendered: street.n - 1, failed: 0, excluded: 0 },
    });

    const res = await get(`/api/campaigns/${campaignId}/letters.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await res.arrayBuffer());
    expect(pdfPages(pdf)).toBe(street.n - 1);
    const text = pdfText(pdf);
    const expected = await addressLines(t.pool, [street.id], incident.victimAddressId);
    for (const line of expected) expect({ line, n: occurrences(text, line) }).toEqual({ line, n: 1 });
    // the victim's address is not mailed, and its house is never named
    const [victim] = (
      await t.pool.query<{ line: string }>(
        `SELECT street_name || ' ' || huisnummer || coalesce(huisletter, '') || coalesce('-' || toevoeging, '') AS line FROM addresses WHERE id = $1`,
        [incident.victimAddressId],
      )
    ).rows;
    expect(occurrences(text, victim!.line)).toBe(0);
    // pages come in print order: each page's address line in the order of the database
    const pages = text.split('\f').filter((p) => p.trim());
    const order = pages.map((p) => expected.findIndex((l) => occurrences(p, l) === 1));
    expect(order).toEqual(expected.map((_, i) => i));
    expect(text).toContain('Aan de bewoners van');
  });

  test('manifest and zip list the same letters; downloads are audited', async () => {
    const csv = await (await get(`/api/campaigns/${campaignId}/manifest.csv`)).text();
    const rows = csv.trim().split('\n');
    expect(rows[0]).toMatch(/^page,letter_id,addressee/);
    expect(rows).toHaveLength(street.n);
    const zipRes = await get(`/api/campaigns/${campaignId}/letters.zip`);
    expect(zipRes.status).toBe(200);
    const zipFile = path.join(os.tmpdir(), `pk-test-${process.pid}.zip`);
    fs.writeFileSync(zipFile, Buffer.from(await zipRes.arrayBuffer()));
    const names = execFileSync('zipinfo', ['-1', zipFile], { encoding: 'utf8' }).trim().split('\n');
    // Each letter's own PDF is cut out of its stored batch on export: one page, its own address.
    const unzipped = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-test-zip-'));
    execFileSync('unzip', ['-q', zipFile, '-d', unzipped]);
    fs.rmSync(zipFile);
    const pdfNames = names.filter((n) => n.endsWith('.pdf')).sort();
    expect(pdfNames).toHaveLength(street.n - 1);
    expect(names).toContain('manifest.csv');
    const expected = await addressLines(t.pool, [street.id], incident.victimAddressId);
    pdfNames.forEach((n, i) => {
      const one = new Uint8Array(fs.readFileSync(path.join(unzipped, n)));
      expect(pdfPages(one)).toBe(1);
      const text = pdfText(one);
      expect({ n, hits: expected.filter((l) => occurrences(text, l) === 1) }).toEqual({
        n,
        hits: [expected[i]],
      });
    });
    fs.rmSync(unzipped, { recursive: true });
    const { rows: audits } = await t.pool.query<{ action: string; details: { format?: string } }>(
      `SELECT action, details FROM audit_log WHERE subject_type = 'campaign' AND subject_id = $1 ORDER BY id`,
      [String(campaignId)],
    );
    expect(audits.map((a) => a.action + (a.details.format ? `:${a.details.format}` : ''))).toEqual([
      'campaign.create',
      'campaign.export:pdf',
      'campaign.export:manifest',
      'campaign.export:zip',
    ]);
  });

  test('the worker stores one PDF per batch; each letter is one page of it, recorded once', async () => {
    const { rows } = await t.pool.query<{ pdf_sha256: string; pdf_page: number | null }>(
      `SELECT pdf_sha256, pdf_page FROM letters WHERE campaign_id = $1 AND status = 'rendered'`,
      [campaignId],
    );
    expect(rows).toHaveLength(street.n - 1);
    expect(rows.every((r) => r.pdf_page !== null)).toBe(true);
    const files = new Set(rows.map((r) => r.pdf_sha256));
    expect(files.size).toBe(Math.ceil((street.n - 1) / config().LETTER_BATCH_SIZE));
    expect(new Set(rows.map((r) => `${r.pdf_sha256}:${r.pdf_page}`)).size).toBe(rows.length);
  });

  test('a letter rendered again (its batch lost) is in the print file once, in its place', async () => {
    // The middle letter goes back to pending (as if its recording were lost) and reconcile
    // renders it alone: the print file then takes pages from the old batch, the new one, and
    // the old batch again; the old batch's copy of that letter must not reappear.
    const { rows } = await t.pool.query<{ id: string; pdf_sha256: string }>(
      `SELECT l.id, l.pdf_sha256 FROM letters l JOIN addresses a ON a.id = l.address_id
       WHERE l.campaign_id = $1 AND l.status = 'rendered'
       ORDER BY a.postcode, a.huisnummer, a.huisletter NULLS FIRST, a.toevoeging NULLS FIRST, l.id`,
      [campaignId],
    );
    const middle = rows[Math.floor(rows.length / 2)]!;
    await t.pool.query(
      `UPDATE letters SET status = 'pending', pdf_sha256 = NULL, pdf_page = NULL, pdf_bytes = NULL WHERE id = $1`,
      [middle.id],
    );
    expect(await reconcile(campaignId)).toMatchObject({ pending: 1, letters: 1 });
    expect(await waitUntilDone(t.pool, campaignId)).toEqual({ rendered: street.n - 1 });
    const again = await t.pool.query<{ pdf_sha256: string; pdf_page: number }>(
      'SELECT pdf_sha256, pdf_page FROM letters WHERE id = $1',
      [middle.id],
    );
    expect(again.rows[0]!.pdf_sha256).not.toBe(middle.pdf_sha256);
    expect(again.rows[0]!.pdf_page).toBe(0);

    const pdf = new Uint8Array(await (await get(`/api/campaigns/${campaignId}/letters.pdf`)).arrayBuffer());
    expect(pdfPages(pdf)).toBe(street.n - 1);
    const expected = await addressLines(t.pool, [street.id], incident.victimAddressId);
    const pages = pdfText(pdf)
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.map((p) => expected.findIndex((l) => occurrences(p, l) === 1))).toEqual(
      expected.map((_, i) => i),
    );
  });

  test('a second campaign of the same kind leaves those addresses out and lists them', async () => {
    const res = await post({
      kind: 'cocoon',
      selection: { streetIds: [street.id, other.id] },
      incidentId: incident.incidentId,
    });
    const body = await res.json();
    expect(res.status).toBe(201);
    expect(body.counts.excluded).toBe(street.n - 1);
    expect(body.counts.total).toBe(other.n);
    expect(body.excludedAddresses[0].reason).toMatch(new RegExp(`campaign ${campaignId}`));
    await waitUntilDone(t.pool, body.id);
    const text = pdfText(
      new Uint8Array(await (await get(`/api/campaigns/${body.id}/letters.pdf`)).arrayBuffer()),
    );
    for (const line of await addressLines(t.pool, [street.id])) expect(occurrences(text, line)).toBe(0);
    for (const line of await addressLines(t.pool, [other.id])) expect(occurrences(text, line)).toBe(1);
    // a different kind is not held back by the repeat rule
    const evening = await post({
      kind: 'evening',
      language: 'en',
      selection: { streetIds: [street.id] },
      evening: { at: '2030-04-02T19:30:00+02:00', location: 'Wijkcentrum' },
    });
    expect((await evening.json()).counts).toMatchObject({ total: street.n, excluded: 0 });
  });
});

describe('bad input and access', () => {
  test('clear errors naming the field', async () => {
    const noIncident = await post({ kind: 'cocoon', selection: { streetIds: [streets[0]!.id] } });
    expect(noIncident.status).toBe(400);
    expect((await noIncident.json()).error.message).toMatch(/incidentId/);
    const zones = await post({
      kind: 'evening',
      selection: { riskZoneIds: [1] },
      evening: { at: '2030-01-01T19:00:00Z', location: 'x' },
    });
    expect(zones.status).toBe(400);
    expect((await zones.json()).error.message).toMatch(/selection/);
    const polygon = await post({
      kind: 'evening',
      selection: { polygon: { type: 'Point', coordinates: [4, 52] } },
      evening: { at: '2030-01-01T19:00:00Z', location: 'x' },
    });
    expect(polygon.status).toBe(400);
  });

  test('a polygon selects the addresses inside it', async () => {
    const { rows } = await t.pool.query<{ g: string; n: number }>(
      `SELECT ST_AsGeoJSON(ST_Transform(ST_Buffer(geom, 40), 4326)) AS g,
              (SELECT count(*)::int FROM addresses b WHERE b.residential AND ST_DWithin(b.geom, a.geom, 39.5)) AS n
       FROM addresses a WHERE residential ORDER BY id LIMIT 1`,
    );
    const res = await post({
      kind: 'evening',
      selection: { polygon: JSON.parse(rows[0]!.g) },
      evening: { at: '2030-01-01T19:00:00Z', location: 'x' },
    });
    const body = await res.json();
    expect(res.status).toBe(201);
    expect(body.counts.total + body.counts.excluded).toBeGreaterThanOrEqual(rows[0]!.n);
  });

  test('a risk zone id selects the residential addresses of that cocoon', async () => {
    const street = streets[2]!;
    const { incidentId } = await burglaryIn(t.pool, street.id, 'it-campaign-zone');
    // Independent count: the only recent burglary on this street is the one just added, so
    // its cocoon is the residential addresses within 200 m of it.
    const { rows } = await t.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM addresses a, incidents i
       WHERE i.id = $1 AND a.residential AND a.municipality_id = i.municipality_id AND ST_DWithin(a.geom, i.geom, 200)`,
      [incidentId],
    );
    const zones = await (await get('/api/risk-zones?municipality=GM0503')).json();
    const ids = (zones.features as { properties: Record<string, unknown> }[]).map((f) =>
      String(f.properties.id ?? f.properties.zoneId),
    );
    expect(ids).toContain(`cocoon:s${street.id}`);
    const res = await post({
      kind: 'evening',
      selection: { riskZoneIds: [`cocoon:s${street.id}`] },
      evening: { at: '2030-01-01T19:00:00Z', location: 'Buurthuis' },
    });
    const body = await res.json();
    expect(res.status).toBe(201);
    expect(body.counts.total + body.counts.excluded).toBe(rows[0]!.n);
    expect((await post({ kind: 'evening', selection: { riskZoneIds: ['street 12'] } })).status).toBe(400);
  });

  test('an incident selects its neighbours for a cocoon warning (not the victim) and the victim for victim advice', async () => {
    const street = streets[3]!;
    const { incidentId, victimAddressId } = await burglaryIn(t.pool, street.id, 'it-campaign-near');
    // Independent count: residential addresses within 60 m of the burglary, the victim's left out.
    const { rows } = await t.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM addresses a, incidents i
       WHERE i.id = $1 AND a.residential AND a.municipality_id = i.municipality_id AND ST_DWithin(a.geom, i.geom, 60) AND a.id <> $2`,
      [incidentId, victimAddressId],
    );
    const cocoon = await post({ kind: 'cocoon', selection: { incidentId, radiusM: 60 } });
    const body = await cocoon.json();
    expect(cocoon.status).toBe(201);
    expect(body.counts.total + body.counts.excluded).toBe(rows[0]!.n);
    expect(body.excludedAddresses.map((e: { addressId: number }) => e.addressId)).not.toContain(
      victimAddressId,
    );
    const victim = await post({ kind: 'victim', selection: { incidentId } });
    expect(victim.status).toBe(201);
    expect((await victim.json()).counts).toMatchObject({ total: 1, excluded: 0 });
    const { rows: letters } = await t.pool.query<{ address_id: string }>(
      `SELECT l.address_id FROM letters l JOIN campaigns c ON c.id = l.campaign_id WHERE c.kind = 'victim' AND c.incident_id = $1`,
      [incidentId],
    );
    expect(letters.map((l) => Number(l.address_id))).toEqual([victimAddressId]);
    const unknown = await post({ kind: 'victim', selection: { incidentId: 999_999 } });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toMatch(/incidentId: no incident 999999/);
  });

  test('planners and other municipalities cannot create or read campaigns', async () => {
    const planner = await createTestUser(t.pool, { role: 'planner' });
    expect((await post({ kind: 'cocoon', selection: { streetIds: [1] } }, planner)).status).toBe(403);
    await t.pool.query(
      `INSERT INTO municipalities (code, name) VALUES ('GM9999', 'Elders') ON CONFLICT DO NOTHING`,
    );
    const stranger = await createTestUser(t.pool, { role: 'officer', municipality: 'GM9999' });
    const { rows } = await t.pool.query<{ id: string }>('SELECT id FROM campaigns ORDER BY id LIMIT 1');
    // Another municipality's campaign answers as one that does not exist: ids tell nothing (issue 8).
    for (const id of [rows[0]!.id, '99999999']) {
      for (const p of [
        `/api/campaigns/${id}`,
        `/api/campaigns/${id}/letters.pdf`,
        `/api/campaigns/${id}/manifest.csv`,
      ]) {
        const r = await get(p, stranger);
        expect({ p, status: r.status, body: await r.json() }).toEqual({
          p,
          status: 404,
          body: { error: { code: 'not_found', message: `no campaign ${id}` } },
        });
      }
    }
  });
});
