/**
 * The officer workspace's letters (issue 10): preview before sending (same counts as sending,
 * nothing written), the campaign list and its filters, cancel until printed, retry of failed
 * letters, progress pushed as server-sent events, the history per street and the to-do list of
 * fresh burglaries. Real PostgreSQL, Redis, worker and Chromium.
 */
// Must come first: the file gets its own Redis prefix before config() is read.
import '../helpers/own-redis-prefix';
import fs from 'node:fs';
import { startLetterWorker } from '../../jobs/letters/letter-worker';
import { closeLetterQueue } from '../../server/letters/letter-queue';
import { closeLetterEvents } from '../../server/letters/letter-events';
import { closeLetterImages } from '../../server/letters/letter-image';
import { ensureMunicipality } from '../../server/municipalities/municipalities.repo';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { burglaryIn, demoStreets, letterCounts, waitUntilDone, type DemoStreet } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let stranger: TestUser;
let streets: DemoStreet[];

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
  await ensureMunicipality(t.pool, { code: 'GM0599', name: 'Rotterdam' });
  stranger = await createTestUser(t.pool, { role: 'officer', municipality: 'GM0599' });
  streets = await demoStreets(t.pool, 4, 12);
  expect(streets.length).toBeGreaterThan(6);
});

afterAll(async () => {
  await closeLetterEvents();
  await closeLetterImages();
  await closeLetterQueue();
});

async function call(
  method: string,
  path: string,
  user: TestUser,
  body?: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies of many shapes, checked field by field
): Promise<{ status: number; json: any; res: Response }> {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...bearer(user), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  const json = type.includes('json') ? await res.json() : undefined;
  return { status: res.status, json, res };
}

const evening = (streetIds: number[]) => ({
  municipality: 'GM0503',
  kind: 'evening',
  language: 'nl',
  selection: { streetIds },
  evening: { at: '2026-12-10T19:30:00+01:00', location: 'Stadskantoor, Phoenixstraat 16' },
});

async function counts(): Promise<{ campaigns: number; letters: number }> {
  const r = await t.pool.query<{ c: number; l: number }>(
    'SELECT (SELECT count(*) FROM campaigns)::int AS c, (SELECT count(*) FROM letters)::int AS l',
  );
  return { campaigns: r.rows[0]!.c, letters: r.rows[0]!.l };
}

describe('preview before sending', () => {
  test('answers what sending would give, writes nothing but the audit row of the view', async () => {
    const [a, b] = streets;
    const before = await counts();
    const p = await call('POST', '/api/campaigns/preview', officer, evening([a!.id, b!.id]));
    expect(p.status).toBe(200);
    expect(p.res.headers.get('cache-control')).toBe('no-store');
    expect(p.json.letters).toBe(a!.n + b!.n);
    expect(p.json.excluded).toEqual([]);
    expect(p.json.streets.map((s: { id: number }) => s.id).sort()).toEqual([a!.id, b!.id].sort());
    expect(await counts()).toEqual(before);
    const audits = await t.pool.query(
      `SELECT action FROM audit_log WHERE action LIKE 'campaign.%' ORDER BY id`,
    );
    expect(audits.rows.map((r) => r.action)).toEqual(['campaign.preview']);

    // Sending it gives the same letters; a second preview then names every address as left out, with the date.
    const sent = await call('POST', '/api/campaigns', officer, evening([a!.id, b!.id]));
    expect(sent.status).toBe(201);
    expect(sent.json.counts.total).toBe(p.json.letters);
    const again = await call('POST', '/api/campaigns/preview', officer, evening([a!.id]));
    expect(again.json.letters).toBe(0);
    expect(again.json.excluded).toHaveLength(a!.n);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
    for (const e of again.json.excluded) {
      expect(e.previousCampaignId).toBe(sent.json.id);
      expect(e.previousOn).toBe(today);
      expect(e.address).toContain(a!.name);
    }
    expect(again.json.streets).toEqual([{ id: a!.id, name: a!.name, letters: 0, excluded: a!.n }]);
  });

  test('the first letter as an A4 PNG, from the template the worker prints', async () => {
    const before = await counts();
    const res = await fetch(`${app.url}/api/campaigns/preview/letter.png`, {
      method: 'POST',
      headers: { ...bearer(officer), 'content-type': 'application/json' },
      body: JSON.stringify(evening([streets[3]!.id])),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([794, 1123]);
    expect(png.length).toBeGreaterThan(20_000);
    // PK_KEEP_PREVIEW=/tmp/preview.png keeps the picture to look at.
    if (process.env.PK_KEEP_PREVIEW) fs.writeFileSync(process.env.PK_KEEP_PREVIEW, png);
    expect(await counts()).toEqual(before);
  });

  test('bad input is the same 400 as sending; another municipality is refused', async () => {
    const bad = await call('POST', '/api/campaigns/preview', officer, {
      ...evening([streets[0]!.id]),
      kind: 'x',
    });
    expect(bad.status).toBe(400);
    const other = await call('POST', '/api/campaigns/preview', stranger, evening([streets[0]!.id]));
    expect(other.status).toBe(403);
  });
});

describe('campaign list, cancel, retry, history', () => {
  test('a campaign not printed can be cancelled: its waiting letters are never rendered and do not count as sent', async () => {
    // No worker runs: the letters stay pending.
    const s = streets[4]!;
    const c = await call('POST', '/api/campaigns', officer, evening([s.id]));
    expect(c.json.status).toBe('rendering');
    const list = await call('GET', `/api/campaigns?street=${s.id}`, officer);
    expect(list.json.campaigns).toHaveLength(1);
    expect(list.json.campaigns[0]).toMatchObject({
      id: c.json.id,
      cancellable: true,
      createdBy: officer.email,
    });
    expect(await call('POST', `/api/campaigns/${c.json.id}/cancel`, stranger)).toMatchObject({ status: 404 });
    const cancel = await call('POST', `/api/campaigns/${c.json.id}/cancel`, officer);
    expect(cancel.json).toEqual({ id: c.json.id, cancelledLetters: s.n });
    expect(await letterCounts(t.pool, c.json.id)).toEqual({ cancelled: s.n });
    expect((await call('GET', `/api/campaigns/${c.json.id}`, officer)).json.status).toBe('cancelled');
    expect((await call('GET', `/api/campaigns/${c.json.id}/letters.pdf`, officer)).status).toBe(409);
    expect((await call('POST', `/api/campaigns/${c.json.id}/cancel`, officer)).status).toBe(409);
    // Nothing was sent: the street can have an evening letter again, and its history is empty.
    const p = await call('POST', '/api/campaigns/preview', officer, evening([s.id]));
    expect(p.json).toMatchObject({ letters: s.n, excluded: [] });
    expect((await call('GET', `/api/streets/${s.id}/letters`, officer)).json.letters).toEqual([]);
    expect(
      (await call('GET', '/api/campaigns?status=cancelled', officer)).json.campaigns.map(
        (x: { id: number }) => x.id,
      ),
    ).toEqual([c.json.id]);
    const audit = await t.pool.query(`SELECT details FROM audit_log WHERE action = 'campaign.cancel'`);
    expect(audit.rows[0].details).toEqual({ cancelledLetters: s.n });
  });

  test('progress is pushed until done; a printed campaign cannot be cancelled; failed letters are retried', async () => {
    const s = streets[5]!;
    const c = await call('POST', '/api/campaigns', officer, evening([s.id]));
    const res = await fetch(`${app.url}/api/campaigns/${c.json.id}/events`, { headers: bearer(officer) });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const worker = startLetterWorker();
    try {
      // Read the stream to its end: the server closes it when the campaign is done.
      const text = await res.text();
      const events = text
        .split('\n\n')
        .filter((e) => e.startsWith('event: status'))
        .map((e) => JSON.parse(e.slice(e.indexOf('data: ') + 6)));
      expect(events.length).toBeGreaterThanOrEqual(2);
      expect(events[0].status).toBe('rendering');
      expect(events[events.length - 1]).toMatchObject({
        status: 'done',
        counts: { rendered: s.n, pending: 0 },
      });

      const hist = await call('GET', `/api/streets/${s.id}/letters`, officer);
      expect(hist.json.letters).toEqual([
        expect.objectContaining({ campaignId: c.json.id, kind: 'evening', letters: s.n, rendered: s.n }),
      ]);
      expect((await call('GET', `/api/streets/${s.id}/letters`, stranger)).status).toBe(404);
      const age = await call('GET', '/api/streets/letter-age?municipality=GM0503', officer);
      expect(age.json.streets).toContainEqual(expect.objectContaining({ streetId: s.id, days: 0 }));
      expect((await call('GET', '/api/streets/letter-age?municipality=GM0503', stranger)).status).toBe(404);

      // Downloaded once: printed, so no cancel any more.
      expect((await call('GET', `/api/campaigns/${c.json.id}/letters.pdf`, officer)).status).toBe(200);
      const listed = (await call('GET', `/api/campaigns?kind=evening&status=done`, officer)).json.campaigns;
      expect(listed.find((x: { id: number }) => x.id === c.json.id)).toMatchObject({ cancellable: false });
      const refused = await call('POST', `/api/campaigns/${c.json.id}/cancel`, officer);
      expect(refused.status).toBe(409);
      expect(refused.json.error.message).toMatch(/printed/);

      // Two letters failed (as a broken render would leave them): retry puts them through again.
      await t.pool.query(
        `UPDATE letters SET status = 'failed', reason = 'test: render failed', pdf_sha256 = NULL, pdf_page = NULL
         WHERE id IN (SELECT id FROM letters WHERE campaign_id = $1 ORDER BY id LIMIT 2)`,
        [c.json.id],
      );
      const retry = await call('POST', `/api/campaigns/${c.json.id}/retry`, officer);
      expect(retry.json).toEqual({ id: c.json.id, retried: 2 });
      expect(await waitUntilDone(t.pool, c.json.id)).toEqual({ rendered: s.n });
    } finally {
      await worker.close();
    }
    expect((await call('GET', '/api/campaigns', stranger)).json.campaigns).toEqual([]);
  }, 120_000);
});

describe('to do: fresh burglaries whose cocoon has had no letter', () => {
  test('newest first with the hours since; gone once a cocoon letter went out', async () => {
    const s = streets[6]!;
    const { incidentId } = await burglaryIn(t.pool, s.id, 'TODO-1');
    await t.pool.query(
      `UPDATE incidents SET occurred_from = now() - interval '5 hours', occurred_to = now() - interval '4 hours' WHERE id = $1`,
      [incidentId],
    );
    const todo = await call('GET', '/api/letters/todo', officer);
    expect(todo.json.days).toBe(14);
    expect(todo.json.incidents[0]).toMatchObject({
      incidentId,
      hoursSince: 5,
      street: { id: s.id, name: s.name },
    });
    expect((await call('GET', '/api/letters/todo', stranger)).json.incidents).toEqual([]);
    const cocoon = await call('POST', '/api/campaigns', officer, {
      municipality: 'GM0503',
      kind: 'cocoon',
      language: 'nl',
      incidentId,
      selection: { incidentId },
    });
    expect(cocoon.status).toBe(201);
    const after = await call('GET', '/api/letters/todo', officer);
    expect(after.json.incidents.map((x: { incidentId: number }) => x.incidentId)).not.toContain(incidentId);
  });
});
