/**
 * The restore drill (scripts/restore-drill.sh, issue 15): a database with burglaries, published
 * public months and a rendered campaign (its PDFs in a storage folder of this file's own) is
 * backed up and restored into a fresh database and folder by the script; a server started on
 * the restored copy answers the same public figures and tiles as a server on the original, and
 * serves the same print file. A second run refuses to overwrite the copy unless told to.
 */
// Must come first: the file gets its own Redis prefix before config() is read.
import '../helpers/own-redis-prefix';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bearer, createTestUser, type TestUser } from '../helpers/app';
import { demoStreets, waitUntilDone } from '../helpers/campaigns';
import { runCli } from '../helpers/cli';
import { dropTestDatabase, useTestDatabase } from '../helpers/db';
import { pdfPages, pdfText } from '../helpers/pdf';
import { startServer, startWorker, stopAll, stopChild, type ServerChild } from '../helpers/processes';

const ROOT = path.resolve(__dirname, '..', '..');
afterAll(() => stopAll());
const t = useTestDatabase();
let tmp: string;
let officer: TestUser;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-drill-'));
  officer = await createTestUser(t.pool, { role: 'officer' });
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await dropTestDatabase(`${t.name}_drill`);
});

function drill(env: NodeJS.ProcessEnv, args: string[] = []) {
  return spawnSync('bash', ['scripts/restore-drill.sh', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

/** The x/y of the web-mercator tile at zoom z holding a point. */
function tileOf(lon: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [
    z,
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.asinh(Math.tan(r)) / Math.PI) / 2) * n),
  ];
}

/** What the public sees of Delft: figures for every period, the areas, one street tile. */
async function publicView(s: ServerChild): Promise<string[]> {
  const paths = [
    ...[3, 12].map((p) => `/api/public/GM0503/streets?period=${p}`),
    '/api/public/GM0503/areas?period=12',
    // The z14 tile over the middle of the demo area (Delft, 52.0 N 4.36 E).
    `/tiles/public/GM0503/${tileOf(4.3615, 52.0055, 14).join('/')}.mvt?period=12`,
  ];
  return Promise.all(
    paths.map(async (p) => {
      const res = await fetch(`${s.url}${p}`);
      const body = Buffer.from(await res.arrayBuffer());
      return `${p} ${res.status} ${crypto.createHash('sha256').update(body).digest('hex')} ${body.length}`;
    }),
  );
}

test('backup and restore: the restored copy serves the same public figures and the same print file', async () => {
  const storage = path.join(tmp, 'storage');
  const env = { DATABASE_URL: t.url, REDIS_PREFIX: process.env.REDIS_PREFIX, STORAGE_DIR: storage };
  // Burglaries, published months (the first public request publishes them) and a campaign.
  const { rows } = await t.pool.query<{ x: number; y: number }>(
    'SELECT ST_X(geom) AS x, ST_Y(geom) AS y FROM addresses WHERE residential ORDER BY id LIMIT 300',
  );
  const now = new Date();
  const csv = ['registratienummer;pleegdatum van;pleegdatum tot;x;y;poging;modus operandi'];
  rows.forEach((a, i) => {
    const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - (i % 11), 1 + (i % 27), 12))
      .toISOString()
      .slice(0, 16)
      .replace('T', ' ');
    csv.push(
      `DRILL-${i};${at};${at};${a.x.toFixed(1)};${a.y.toFixed(1)};nee;${i % 2 ? 'Raam geforceerd' : 'Cilinder afgebroken'}`,
    );
  });
  const file = path.join(tmp, 'drill.csv');
  fs.writeFileSync(file, csv.join('\n'));
  expect((await runCli(['import-incidents', file, '--municipality', 'GM0503'], t.url)).code).toBe(0);

  const original = await startServer(env);
  const worker = startWorker(env);
  const before = await publicView(original);
  expect(before.filter((l) => !/ 200 /.test(l))).toEqual([]);
  const streetIds = (await demoStreets(t.pool, 10, 30)).slice(0, 2).map((s) => s.id);
  const res = await fetch(`${original.url}/api/campaigns`, {
    method: 'POST',
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: JSON.stringify({
      municipality: 'GM0503',
      kind: 'evening',
      language: 'nl',
      selection: { streetIds },
      evening: { at: '2026-12-10T19:30:00+01:00', location: 'Stadskantoor' },
    }),
  });
  expect(res.status).toBe(201);
  const campaign = (await res.json()) as { id: number; counts: { total: number } };
  expect(await waitUntilDone(t.pool, campaign.id)).toEqual({ rendered: campaign.counts.total });
  await stopChild(worker.process);
  // The print file is put together on each request (its PDF dates differ): compare what it says.
  const printFile = async (s: ServerChild) => {
    const r = await fetch(`${s.url}/api/campaigns/${campaign.id}/letters.pdf`, { headers: bearer(officer) });
    expect(r.status).toBe(200);
    const bytes = new Uint8Array(await r.arrayBuffer());
    return { pages: pdfPages(bytes), text: pdfText(bytes) };
  };
  const pdfBefore = await printFile(original);

  const restoredDb = `${t.name}_drill`;
  const restoredStorage = path.join(tmp, 'restored-storage');
  const run = drill({
    DATABASE_URL: t.url,
    STORAGE_DIR: storage,
    BACKUP_DIR: path.join(tmp, 'backup'),
    RESTORE_DATABASE: restoredDb,
    RESTORE_STORAGE_DIR: restoredStorage,
  });
  expect(run.stderr).toMatch(
    /restored: \d+ tables, \d+ rows, the same in both; [1-9]\d* stored files, the same content/,
  );
  expect(run.status).toBe(0);
  const [line] = run.stdout.trim().split('\n').slice(-1);
  const restoredUrl = new URL(t.url);
  restoredUrl.pathname = `/${restoredDb}`;
  expect(line).toBe(`DATABASE_URL=${restoredUrl.toString()} STORAGE_DIR=${restoredStorage}`);
  expect(fs.readdirSync(path.join(tmp, 'backup')).sort()).toEqual([
    'SHA256SUMS',
    'database.dump',
    'storage.tar',
  ]);

  // The original goes away (as after a lost machine); the copy serves the same.
  await stopChild(original.process);
  const restored = await startServer({
    ...env,
    DATABASE_URL: restoredUrl.toString(),
    STORAGE_DIR: restoredStorage,
  });
  expect(await publicView(restored)).toEqual(before);
  expect(pdfBefore.pages).toBe(campaign.counts.total);
  expect(await printFile(restored)).toEqual(pdfBefore);

  // A second drill does not overwrite the copy unless told to.
  const again = drill({
    DATABASE_URL: t.url,
    STORAGE_DIR: storage,
    BACKUP_DIR: path.join(tmp, 'backup2'),
    RESTORE_DATABASE: restoredDb,
    RESTORE_STORAGE_DIR: path.join(tmp, 'restored2'),
  });
  expect(again.status).toBe(1);
  expect(again.stderr).toMatch(/database .*_drill exists; pass --replace/);
}, 240_000);
