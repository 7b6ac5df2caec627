/**
 * GET /api/incidents/:id: an officer of the municipality sees the incident with its address;
 * each view is audited (one row per view); other municipalities, planners and strangers do not.
 * To an officer of another municipality an incident answers as one that does not exist (issue 8).
 */
import { bearer, createTestUser, useTestApp } from '../helpers/app';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();

test('an officer sees the address and every view is audited; others are refused', async () => {
  const { rows } = await t.pool.query<{
    id: string;
    street_name: string;
    huisnummer: number;
    huisletter: string | null;
    toevoeging: string | null;
    postcode: string;
  }>(
    `INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, attempt, modus_operandi, mo_text, address_id, street_id, geom)
     SELECT a.municipality_id, 'nl-csv', 'PL1500-2026123456', '2026-11-02T09:00:00Z', '2026-11-02T17:00:00Z', true, 'cylinder_snapping',
            'cilinder afgebroken, voordeur', a.id, a.street_id, a.geom
     FROM addresses a WHERE a.residential AND a.postcode IS NOT NULL AND a.street_id IS NOT NULL ORDER BY a.id LIMIT 1
     RETURNING id, (SELECT street_name FROM addresses WHERE id = address_id) AS street_name,
               (SELECT huisnummer FROM addresses WHERE id = address_id) AS huisnummer,
               (SELECT huisletter FROM addresses WHERE id = address_id) AS huisletter,
               (SELECT toevoeging FROM addresses WHERE id = address_id) AS toevoeging,
               (SELECT postcode FROM addresses WHERE id = address_id) AS postcode`,
  );
  const inc = rows[0]!;
  const officer = await createTestUser(t.pool, { role: 'officer' });
  const get = (who: Record<string, string>, id: string | number = inc.id) =>
    fetch(`${app.url}/api/incidents/${id}`, { headers: who });

  for (let i = 0; i < 2; i++) {
    const r = await get(bearer(officer));
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const d = (await r.json()) as {
      registration: string;
      address: string;
      attempt: boolean;
      moText: string;
      modusOperandiLabel: string;
    };
    const number = `${inc.huisnummer}${inc.huisletter ?? ''}${inc.toevoeging ? `-${inc.toevoeging}` : ''}`;
    expect(d.address).toBe(
      `${inc.street_name} ${number}, ${inc.postcode.slice(0, 4)} ${inc.postcode.slice(4)} Delft`,
    );
    expect(d).toMatchObject({
      registration: 'PL1500-2026123456',
      attempt: true,
      moText: 'cilinder afgebroken, voordeur',
      modusOperandiLabel: 'Cilindertrekken',
    });
  }
  const audited = await t.pool.query(
    'SELECT 1 FROM audit_log WHERE action = $1 AND user_id = $2 AND subject_id = $3',
    ['incidents.view.detail', officer.id, inc.id],
  );
  expect(audited.rowCount).toBe(2);

  await t.pool.query(
    `INSERT INTO municipalities (code, name) VALUES ('GM0599', 'Rotterdam') ON CONFLICT DO NOTHING`,
  );
  const stranger = await createTestUser(t.pool, { role: 'officer', municipality: 'GM0599' });
  const planner = await createTestUser(t.pool, { role: 'planner' });
  for (const id of [inc.id, '99999999']) {
    const r = await get(bearer(stranger), id);
    expect({ status: r.status, body: await r.json() }).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: `no incident ${id}` } },
    });
  }
  expect((await get(bearer(planner))).status).toBe(403);
  expect((await get({})).status).toBe(401);
  expect((await get(bearer(officer), 99999999)).status).toBe(404);
  expect((await get(bearer(officer), 'abc')).status).toBe(400);
  const refused = await t.pool.query('SELECT 1 FROM audit_log WHERE action = $1 AND user_id = ANY($2)', [
    'incidents.view.detail',
    [stranger.id, planner.id],
  ]);
  expect(refused.rowCount).toBe(0);
});
