import { useTestDatabase } from '../helpers/db';
import { generateDemoIncidents } from '../../server/setup/demo-incidents';

const t = useTestDatabase();
const now = new Date('2026-03-15T10:00:00Z');

async function municipalityId(): Promise<number> {
  const { rows } = await t.pool.query<{ id: number }>(`SELECT id FROM municipalities WHERE code = 'GM0503'`);
  return rows[0]!.id;
}

async function checksum(): Promise<string> {
  const { rows } = await t.pool.query<{ c: string }>(
    `SELECT md5(string_agg(concat_ws('|', external_id, occurred_from, occurred_to, attempt, modus_operandi, address_id, street_id, ST_AsText(geom)), ',' ORDER BY external_id)) AS c
     FROM incidents WHERE source = 'demo'`,
  );
  return rows[0]!.c;
}

test('generates ~150 demo burglaries on real residential addresses in the last 120 days', async () => {
  const id = await municipalityId();
  const r = await generateDemoIncidents(t.pool, id, { seed: 7, now });
  expect(r.imported).toBe(150);
  expect(r.bursts).toBeGreaterThanOrEqual(10);
  const { rows } = await t.pool.query<{
    n: string;
    on_address: string;
    min: Date;
    max: Date;
    attempts: string;
    mos: string;
    streets: string;
  }>(
    `SELECT count(*) n, count(*) FILTER (WHERE a.residential AND i.geom = a.geom) on_address,
            min(occurred_from) min, max(occurred_from) max, count(*) FILTER (WHERE attempt) attempts,
            count(DISTINCT modus_operandi) mos, count(DISTINCT i.street_id) streets
     FROM incidents i JOIN addresses a ON a.id = i.address_id WHERE i.source = 'demo' AND i.municipality_id = $1`,
    [id],
  );
  const s = rows[0]!;
  expect(Number(s.n)).toBe(150);
  expect(Number(s.on_address)).toBe(150);
  expect(s.min.getTime()).toBeGreaterThanOrEqual(now.getTime() - 121 * 86_400_000);
  expect(s.max.getTime()).toBeLessThanOrEqual(now.getTime() + 86_400_000);
  expect(Number(s.attempts)).toBeGreaterThan(20);
  expect(Number(s.attempts)).toBeLessThan(100);
  expect(Number(s.mos)).toBeGreaterThanOrEqual(5);
  expect(Number(s.streets)).toBeGreaterThan(20);
});

test('is idempotent for the same seed and day, and a different seed changes the data', async () => {
  const id = await municipalityId();
  const before = await checksum();
  const again = await generateDemoIncidents(t.pool, id, { seed: 7, now: new Date('2026-03-15T22:00:00Z') });
  expect(again).toMatchObject({ imported: 0, updated: 0 });
  expect(await checksum()).toBe(before);
  const other = await generateDemoIncidents(t.pool, id, { seed: 8, now });
  expect(other.updated).toBeGreaterThan(100);
  expect(await checksum()).not.toBe(before);
});
