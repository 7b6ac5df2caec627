/**
 * Upload and query mistakes answer 4xx with a message saying what was expected, never 500
 * (issue 9): multer's errors carry a code but no status, and z.coerce.date() said
 * "expected date, received Date".
 */
import '../helpers/small-upload-limit';
import { useTestDatabase } from '../helpers/db';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
});

const csv = 'registratienummer;pleegdatum van;x;y;poging\nH-1;2024-06-01;85304;446497;nee\n';

async function upload(form: FormData): Promise<{ status: number; error: { code: string; message: string } }> {
  const r = await fetch(`${app.url}/api/incidents/import`, {
    method: 'POST',
    headers: bearer(officer),
    body: form,
  });
  return { status: r.status, ...((await r.json()) as { error: { code: string; message: string } }) };
}

test('a file over INCIDENT_UPLOAD_MAX_MB answers 413 naming the limit', async () => {
  const form = new FormData();
  form.append('file', new Blob([csv, 'x'.repeat(1024 * 1024 + 1)]), 'big.csv');
  expect(await upload(form)).toEqual({
    status: 413,
    error: {
      code: 'file_too_large',
      message: expect.stringMatching(/larger than 1 MB \(INCIDENT_UPLOAD_MAX_MB\)/),
    },
  });
});

test("a file in another field than 'file' answers 400 naming the field to use", async () => {
  const form = new FormData();
  form.append('upload', new Blob([csv]), 'export.csv');
  expect(await upload(form)).toEqual({
    status: 400,
    error: {
      code: 'bad_input',
      message: expect.stringMatching(/unexpected file in field 'upload'; send the file in the field 'file'/),
    },
  });
});

test('two files answer 400: one file per upload', async () => {
  const form = new FormData();
  form.append('file', new Blob([csv]), 'a.csv');
  form.append('file', new Blob([csv]), 'b.csv');
  expect(await upload(form)).toEqual({
    status: 400,
    error: { code: 'bad_input', message: expect.stringMatching(/one file per upload/) },
  });
});

test('a date that does not exist in a query says what was expected', async () => {
  for (const url of [
    '/api/streets/activity?from=2021-13-45',
    '/tiles/incidents/14/8392/5400.mvt?to=2021-02-30',
  ]) {
    const r = await fetch(`${app.url}${url}`, { headers: bearer(officer) });
    const body = (await r.json()) as { error: { message: string } };
    expect({ url, status: r.status, message: body.error.message }).toEqual({
      url,
      status: 400,
      message: expect.stringMatching(
        /^(from|to): '2021-(13-45|02-30)' is not a date; expected a date like 2024-03-05 or 2024-03-05T14:30:00Z/,
      ),
    });
  }
});
