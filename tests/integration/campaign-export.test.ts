/**
 * Downloads of a campaign whose letters are still rendering (no worker runs in this file, so its
 * letters stay pending): every format answers 409 as a JSON error, never as a file, and nothing
 * is audited as exported. Regression: GET /letters.zip used to set `Content-Type: application/zip`
 * and an attachment header before it checked, so the browser saved the 409's JSON as a .zip.
 */
// Must come first: the file gets its own Redis prefix before config() is read.
import '../helpers/own-redis-prefix';
import { closeLetterQueue } from '../../server/letters/letter-queue';
import { useTestApp, createTestUser, bearer, type TestUser } from '../helpers/app';
import { demoStreets } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let campaignId: number;

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
  const [street] = await demoStreets(t.pool, 3, 60);
  const res = await fetch(`${app.url}/api/campaigns`, {
    method: 'POST',
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'evening',
      selection: { streetIds: [street!.id] },
      evening: { at: '2030-04-02T19:30:00+02:00', location: 'Wijkcentrum' },
    }),
  });
  expect(res.status).toBe(201);
  campaignId = (await res.json()).id;
});
afterAll(() => closeLetterQueue());

const get = (p: string, user = officer) => fetch(`${app.url}${p}`, { headers: bearer(user) });

const audited = async () =>
  (
    await t.pool.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE subject_type = 'campaign' AND subject_id = $1 ORDER BY id`,
      [String(campaignId)],
    )
  ).rows.map((r) => r.action);

describe.each(['letters.zip', 'letters.pdf', 'manifest.csv'])(
  'GET /api/campaigns/:id/%s while rendering',
  (file) => {
    test('answers 409 as JSON, without an attachment header, and audits no export', async () => {
      const res = await get(`/api/campaigns/${campaignId}/${file}`);
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('content-disposition')).toBeNull();
      const body = await res.json();
      expect(body.error.code).toBe('conflict');
      expect(body.error.message).toMatch(/still rendering/);
      expect(await audited()).toEqual(['campaign.create']);
    });
  },
);

test("another municipality's officer gets 404 as JSON for the zip, as for a campaign that does not exist", async () => {
  await t.pool.query(
    `INSERT INTO municipalities (code, name) VALUES ('GM9998', 'Elders') ON CONFLICT DO NOTHING`,
  );
  const stranger = await createTestUser(t.pool, { role: 'officer', municipality: 'GM9998' });
  const res = await get(`/api/campaigns/${campaignId}/letters.zip`, stranger);
  expect(res.status).toBe(404);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('content-disposition')).toBeNull();
});
