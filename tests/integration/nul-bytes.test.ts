/**
 * A NUL byte in a parameter is refused at the boundary with 400, not passed on to PostgreSQL
 * (which cannot store it in text: error 22021, which was answered as a 500). Issue 8.
 */
import { toAppError } from '../../server/core/http';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
});

async function answer(res: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, code: body.error.code, message: body.error.message };
}

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

test('public search with a NUL byte in q is 400', async () => {
  const r = await answer(await fetch(`${app.url}/api/public/GM0503/search?q=ab%00cd`));
  expect(r).toMatchObject({ status: 400, code: 'bad_input' });
  expect(r.message).toMatch(/^q: .*NUL/);
});

test('risk zones with a NUL byte as municipality is 400', async () => {
  const r = await answer(
    await fetch(`${app.url}/api/risk-zones?municipality=%00`, { headers: bearer(officer) }),
  );
  expect(r).toMatchObject({ status: 400, code: 'bad_input' });
  expect(r.message).toMatch(/^municipality: /);
});

test('signing in with a NUL byte in the e-mail address is 400', async () => {
  const r = await answer(
    await postJson('/api/session', { email: 'a\u0000b@x.nl', password: 'whatever-it-is' }),
  );
  expect(r).toMatchObject({ status: 400, code: 'bad_input' });
  expect(r.message).toMatch(/^email: .*NUL/);
});

test('a campaign with a NUL byte in municipality or evening.location is 400', async () => {
  const base = {
    kind: 'evening',
    selection: { streetIds: [1] },
    evening: { at: '2026-12-10T19:30:00+01:00', location: 'Stadskantoor' },
  };
  const inCode = await answer(
    await postJson('/api/campaigns', { ...base, municipality: 'GM\u00000503' }, bearer(officer)),
  );
  expect(inCode).toMatchObject({ status: 400, code: 'bad_input' });
  expect(inCode.message).toMatch(/^municipality: /);
  const inPlace = await answer(
    await postJson(
      '/api/campaigns',
      { ...base, municipality: 'GM0503', evening: { ...base.evening, location: 'Stads\u0000kantoor' } },
      bearer(officer),
    ),
  );
  expect(inPlace).toMatchObject({ status: 400, code: 'bad_input' });
  expect(inPlace.message).toMatch(/^evening\.location: .*NUL/);
});

test("PostgreSQL's 22021 (a byte sequence text cannot hold) is bad input wherever it comes from", async () => {
  const err = await t.pool.query('SELECT $1::text', ['a\u0000b']).then(
    () => null,
    (e: unknown) => e,
  );
  expect((err as { code?: string }).code).toBe('22021');
  expect(toAppError(err)).toMatchObject({ status: 400, code: 'bad_input' });
});
