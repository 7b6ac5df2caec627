/**
 * The subsidy applications import: a good file is stored at its addresses (and a second import
 * adds nothing); a bad file is refused with every problem's line number and stores nothing, as
 * the other imports; the per-street answer is aggregated.
 */
import '../helpers/own-redis-prefix';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let addr: {
  postcode: string;
  huisnummer: number;
  huisletter: string | null;
  toevoeging: string | null;
  street_id: string;
}[];

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
  addr = (
    await t.pool.query(
      `SELECT postcode, huisnummer, huisletter, toevoeging, street_id FROM addresses
       WHERE postcode IS NOT NULL AND residential AND street_id IS NOT NULL ORDER BY id LIMIT 3`,
    )
  ).rows;
});

const number = (a: (typeof addr)[number]) =>
  `${a.huisnummer}${a.huisletter ?? ''}${a.toevoeging ? `-${a.toevoeging}` : ''}`;

async function upload(csv: string) {
  const form = new FormData();
  form.set('municipality', 'GM0503');
  form.set('file', new Blob([csv], { type: 'text/csv' }), 'aanvragen.csv');
  const res = await fetch(`${app.url}/api/subsidies/import`, {
    method: 'POST',
    headers: bearer(officer),
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const count = async () =>
  (await t.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM subsidy_applications')).rows[0]!.n;

test('a bad file is refused with line numbers and stores nothing', async () => {
  const csv = [
    'postcode;huisnummer;datum;regeling;bedrag',
    `${addr[0]!.postcode};${number(addr[0]!)};2026-03-05;hang- en sluitwerk;70,50`,
    `12345;${number(addr[1]!)};2026-03-05;hang- en sluitwerk;70`,
    `${addr[1]!.postcode};${number(addr[1]!)};2026-02-30;hang- en sluitwerk;70`,
    `${addr[2]!.postcode};${number(addr[2]!)};2026-03-05;;veel`,
  ].join('\n');
  const r = await upload(csv);
  expect(r.status).toBe(422);
  const errors = (r.body.summary as { errors: { line: number; reason: string }[] }).errors;
  expect(errors.map((e) => e.line)).toEqual([3, 4, 5]);
  expect(errors[0]!.reason).toMatch(/postcode/);
  expect(errors[1]!.reason).toMatch(/date/);
  expect(errors[2]!.reason).toMatch(/scheme.*amount|amount/);
  expect(await count()).toBe(0);
});

test('an address the municipality does not have refuses the file, naming the line', async () => {
  const csv = [
    'postcode,house number,date,scheme,amount',
    `${addr[0]!.postcode},${number(addr[0]!)},05-03-2026,locks,70`,
    `9999ZZ,1,05-03-2026,locks,70`,
  ].join('\n');
  const r = await upload(csv);
  expect(r.status).toBe(422);
  expect((r.body.summary as { errors: { line: number }[] }).errors).toEqual([
    expect.objectContaining({ line: 3, reason: expect.stringMatching(/no address 9999 ZZ 1/) }),
  ]);
  expect(await count()).toBe(0);
});

test('a good file is stored; a second import adds nothing; per street is aggregated', async () => {
  const csv = [
    'postcode,house number,date,scheme,amount',
    ...addr.map((a) => `${a.postcode},${number(a)},2026-03-05,hang- en sluitwerk,"1.234,56"`),
  ].join('\n');
  const first = await upload(csv);
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ read: 3, imported: 3, skipped: 0, committed: true });
  const again = await upload(csv);
  expect(again.body).toMatchObject({ imported: 0, skipped: 3 });
  expect(await count()).toBe(3);
  const res = await fetch(
    `${app.url}/api/subsidies/streets?municipality=GM0503&from=2026-01-01&to=2026-12-31`,
    {
      headers: bearer(officer),
    },
  );
  const body = (await res.json()) as {
    streets: { streetId: number; applications: number; amountCents: number }[];
  };
  const total = body.streets.reduce((s, x) => s + x.applications, 0);
  expect(total).toBe(3);
  expect(body.streets[0]!.amountCents).toBe(123456 * body.streets[0]!.applications);
  expect(JSON.stringify(body)).not.toMatch(/huisnummer|postcode/);
  const audit = await t.pool.query(
    `SELECT action FROM audit_log WHERE action LIKE 'subsidies.import%' ORDER BY id`,
  );
  expect(audit.rows.map((r) => r.action)).toEqual([
    'subsidies.import.refused',
    'subsidies.import.refused',
    'subsidies.import',
    'subsidies.import',
  ]);
});
