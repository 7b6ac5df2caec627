/**
 * server/municipalities/municipality-access.ts, the one rule for "which municipality, and may
 * this sender see it" (issue 16 item 3): the module against a real database, then the routes
 * that use it, so that every route answers the same unknown, foreign or missing municipality
 * the way the module says.
 */
import { AppError } from '../../server/core/errors';
import { ensureMunicipality } from '../../server/municipalities/municipalities.repo';
import {
  MunicipalityCode,
  onlyMunicipality,
  requestedMunicipality,
  seesMunicipality,
  visibleMunicipalityIds,
  type MunicipalityParam,
} from '../../server/municipalities/municipality-access';
import { bearer, createTestUser, useTestApp } from '../helpers/app';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();

let delft: number;
let elders: number;

beforeAll(async () => {
  delft = (await ensureMunicipality(t.pool, { code: 'GM0503', name: 'Delft' })).id;
  elders = (await ensureMunicipality(t.pool, { code: 'GM9997', name: 'Elders' })).id;
});

/** The HTTP status an AppError thrown by `p` carries. */
async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.status;
    throw err;
  }
  return 200;
}

const query: MunicipalityParam = { param: "query parameter 'municipality'", unknown: 'not-found' };
const field: MunicipalityParam = { param: 'municipality', unknown: 'bad-input' };

describe('the module', () => {
  test('an admin sees every municipality, an officer their own', async () => {
    const admin = { municipalities: 'all' as const };
    const officer = { municipalities: [delft] };
    expect(seesMunicipality(admin, elders)).toBe(true);
    expect(seesMunicipality(officer, delft)).toBe(true);
    expect(seesMunicipality(officer, elders)).toBe(false);
    expect(onlyMunicipality(officer)).toBe(delft);
    expect(onlyMunicipality(admin)).toBeUndefined();
    expect(onlyMunicipality({ municipalities: [delft, elders] })).toBeUndefined();
    expect(await visibleMunicipalityIds(officer, t.pool)).toEqual([delft]);
    expect(await visibleMunicipalityIds(admin, t.pool)).toEqual(expect.arrayContaining([delft, elders]));
  });

  test('the code regex: CBS codes and test codes, nothing else', () => {
    for (const ok of ['GM0503', 'CAMBS', 'TEST_1', 'A-B'])
      expect(MunicipalityCode.safeParse(ok).success).toBe(true);
    for (const bad of ['gm0503', 'G', 'GM 0503', 'GM\u00000503', 'X'.repeat(21)])
      expect(MunicipalityCode.safeParse(bad).success).toBe(false);
  });

  test('a named municipality: found and visible, unknown (404 or 400), foreign (403)', async () => {
    const officer = { municipalities: [delft] };
    expect(await requestedMunicipality(officer, 'GM0503', query, t.pool)).toEqual({
      id: delft,
      code: 'GM0503',
      name: expect.any(String),
    });
    expect(await statusOf(requestedMunicipality(officer, 'GM0000', query, t.pool))).toBe(404);
    expect(await statusOf(requestedMunicipality(officer, 'GM0000', field, t.pool))).toBe(400);
    await expect(requestedMunicipality(officer, 'GM0000', field, t.pool)).rejects.toThrow(
      "municipality: no municipality with code 'GM0000'",
    );
    expect(await statusOf(requestedMunicipality(officer, 'GM9997', query, t.pool))).toBe(403);
    expect(await statusOf(requestedMunicipality(officer, 'GM9997', field, t.pool))).toBe(403);
    expect((await requestedMunicipality({ municipalities: 'all' }, 'GM9997', query, t.pool)).id).toBe(elders);
  });

  test('no code: the only municipality of the sender, else 400 naming the parameter', async () => {
    expect((await requestedMunicipality({ municipalities: [elders] }, undefined, query, t.pool)).code).toBe(
      'GM9997',
    );
    await expect(requestedMunicipality({ municipalities: 'all' }, undefined, query, t.pool)).rejects.toThrow(
      /^query parameter 'municipality': say which municipality/,
    );
    expect(
      await statusOf(requestedMunicipality({ municipalities: [delft, elders] }, '', field, t.pool)),
    ).toBe(400);
  });
});

describe('the routes answer as the module decides', () => {
  test('unknown code: 404 on what is read, 400 on what is sent; foreign code: 403 everywhere', async () => {
    const officer = await createTestUser(t.pool, { role: 'officer' });
    const get = (path: string) => fetch(`${app.url}${path}`, { headers: bearer(officer) });
    const importInto = (code: string) => {
      const form = new FormData();
      form.set('municipality', code);
      form.set('file', new Blob(['Crime ID,Month\n']), 'x.csv');
      return fetch(`${app.url}/api/incidents/import`, {
        method: 'POST',
        headers: bearer(officer),
        body: form,
      });
    };
    expect((await get('/api/streets/activity?municipality=GM0000')).status).toBe(404);
    expect((await get('/api/risk-zones?municipality=GM0000')).status).toBe(404);
    expect((await importInto('GM0000')).status).toBe(400);
    expect((await get('/api/streets/activity?municipality=GM9997')).status).toBe(403);
    expect((await get('/api/clusters?municipality=GM9997')).status).toBe(403);
    expect((await importInto('GM9997')).status).toBe(403);
    expect((await get('/api/streets/activity')).status).toBe(200);
  });
});
