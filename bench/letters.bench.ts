/**
 * Letters benchmark: a campaign of 10,000 letters from the service call that creates it to the
 * merged print file, with the real worker process (`jobs/worker.ts`, its own Chromium), and
 * peak memory of worker + browser from /proc. In the same run, the naive way (one
 * `page.pdf()` per letter) on a sample of the same letters, and the ratio.
 *
 *   npm run bench -- letters                  (LETTERS=10000 NAIVE_SAMPLE=150)
 *   BENCH_SMOKE=1 npm run bench -- letters    (LETTERS=300 NAIVE_SAMPLE=20, to bench/results/smoke/)
 *
 * Uses a scratch database of its own (dropped at the end) with the Delft demo area plus
 * synthetic addresses to reach LETTERS, and its own Redis prefix. The campaign goes to exactly
 * LETTERS addresses: above that many, the demo's addresses are marked non-residential.
 * Writes bench/results/letters.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BrowserHost } from '../jobs/letters/browser-host';
import { renderSheets } from '../jobs/letters/render-batch';
import * as repo from '../server/campaigns/campaigns.repo';
import { createCampaign, exportPrintFile } from '../server/campaigns/campaigns.service';
import { closeLetterQueue, letterQueue } from '../server/letters/letter-queue';
import { config } from '../server/core/config';
import { closeDb, createPool, setPool } from '../server/core/db';
import { dropDatabase, ensureDatabase, migrate } from '../server/core/migrate';
import { closeRedis } from '../server/core/redis';
import { letterInputFromRow } from '../server/letters/letter-source';
import { renderSheet } from '../server/letters/letter-templates';
import { buildLetterView } from '../server/letters/letter-view';
import { loadDemoArea } from '../server/setup/demo';
import { BenchRun } from './bench-run';

const LETTERS = Number(process.env.LETTERS ?? (BenchRun.smoke ? 300 : 10_000));
const NAIVE_SAMPLE = Number(process.env.NAIVE_SAMPLE ?? (BenchRun.smoke ? 20 : 150));
const run = new BenchRun('letters', ['LETTERS', 'NAIVE_SAMPLE']);
// Chosen in the parent, so the child's scratch database is known to both.
const DB_NAME = process.env.PK_BENCH_DB ?? run.scratchDatabase();
/** The worker process of the measured campaign: killed if the benchmark fails, so none is left behind. */
let worker: ChildProcess | undefined;
const root = path.join(__dirname, '..');

function dbUrl(name: string): string {
  const u = new URL(config().DATABASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Sum of RSS and PSS (kB) of a process and all its descendants. */
function memoryOf(pid: number): { rssKb: number; pssKb: number; processes: number; ownPssKb: number } {
  const children = new Map<number, number[]>();
  for (const d of fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      /* gone */
    }
  }
  let rssKb = 0;
  let pssKb = 0;
  let processes = 0;
  let ownPssKb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const rollup = fs.readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      const pss = Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pssKb += pss;
      if (p === pid) ownPssKb = pss;
      processes++;
    } catch {
      /* gone */
    }
    stack.push(...(children.get(p) ?? []));
  }
  return { rssKb, pssKb, processes, ownPssKb };
}

async function main(): Promise<void> {
  const started = Date.now();
  // config() is read once per process: run in a child with this run's own Redis prefix, so the
  // benchmark never touches the demo's queues.
  if (!process.env.PK_BENCH_CHILD) {
    const child = spawn(process.execPath, ['--import', 'tsx', __filename, ...process.argv.slice(2)], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        PK_BENCH_CHILD: '1',
        PK_BENCH_DB: DB_NAME,
        REDIS_PREFIX: `pk-bench-${Date.now().toString(36)}`,
        LOG_LEVEL: 'warn',
      },
    });
    const code = await new Promise<number>((r) => child.once('exit', (c) => r(c ?? 1)));
    // A child that failed half-way leaves its scratch database: drop it here.
    if (code !== 0) await dropDatabase(dbUrl(DB_NAME)).catch(() => undefined);
    process.exit(code);
  }
  const prefix = config().REDIS_PREFIX;
  await dropDatabase(dbUrl(DB_NAME));
  await ensureDatabase(dbUrl(DB_NAME));
  const pool = createPool(dbUrl(DB_NAME), 6);
  setPool(pool);
  await migrate(pool);
  await loadDemoArea(pool, { incidents: false, quiet: true });
  // Synthetic addresses (copies of real ones with other house numbers) up to LETTERS residential ones.
  const { rows: have } = await pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM addresses WHERE residential AND postcode IS NOT NULL',
  );
  const extra = Math.max(0, LETTERS - have[0]!.n);
  await pool.query(
    `INSERT INTO addresses (municipality_id, street_id, source, source_key, street_name, huisnummer, postcode, place, residential, geom)
     SELECT municipality_id, street_id, 'bench', 'bench-' || g || '-' || id, street_name, 1000 + g, postcode, place, true, ST_Translate(geom, g, g)
     FROM (SELECT a.*, row_number() OVER (ORDER BY id) AS rn FROM addresses a WHERE residential AND postcode IS NOT NULL AND street_id IS NOT NULL) a
     CROSS JOIN generate_series(1, 3) g
     ORDER BY g, rn LIMIT $1`,
    [extra],
  );
  await pool.query(`UPDATE addresses SET residential = false WHERE postcode IS NULL OR street_id IS NULL`);
  // Exactly LETTERS letters: the first LETTERS residential addresses (by street) stay residential.
  await pool.query(
    `UPDATE addresses SET residential = false WHERE residential AND id NOT IN
       (SELECT id FROM addresses WHERE residential ORDER BY street_id, id LIMIT $1)`,
    [LETTERS],
  );
  const { rows: streetRows } = await pool.query<{ id: string }>(
    'SELECT DISTINCT street_id AS id FROM addresses WHERE residential',
  );
  const streetIds = streetRows.map((r) => Number(r.id));
  const { rows: total } = await pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM addresses WHERE residential',
  );
  console.error(
    `scratch database ready: ${total[0]!.n} residential addresses (${extra} synthetic) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const cli = { userId: null, actor: 'bench', municipalities: 'all' as const };
  const body = {
    municipality: 'GM0503',
    kind: 'evening',
    language: 'nl',
    selection: { streetIds },
    evening: { at: '2030-04-02T19:30:00+02:00', location: 'Wijkcentrum De Wippolder, Jaffalaan 1' },
  };

  // 1. The naive way on a sample of the same letters (same template, same addresses), no worker running.
  const sample = await createCampaign(body, cli);
  const pendingSample = (await repo.pendingLetters(pool, sample.id)).slice(0, NAIVE_SAMPLE).map((l) => l.id);
  const rows = await repo.lettersForRender(pool, pendingSample);
  // The worker's render path with one letter per document and a new tab per document (pageUses 1).
  const host = new BrowserHost({ pageUses: 1 });
  await renderSheets(host, [
    {
      id: 0,
      html: renderSheet('prevention-evening', 'nl', await buildLetterView(letterInputFromRow(rows[0]!))),
    },
  ]);
  const naiveStart = performance.now();
  for (const row of rows) {
    const input = letterInputFromRow(row);
    await renderSheets(host, [
      { id: Number(row.id), html: renderSheet(input.template, input.language, await buildLetterView(input)) },
    ]);
  }
  const naiveSeconds = (performance.now() - naiveStart) / 1000;
  const naiveRate = rows.length / naiveSeconds;
  await host.close();
  await pool.query('DELETE FROM campaigns WHERE id = $1', [sample.id]);
  // Redis: drop the sample's jobs so the worker only sees the measured campaign.
  await letterQueue().obliterate({ force: true });
  console.error(
    `naive: ${rows.length} letters in ${naiveSeconds.toFixed(1)} s = ${naiveRate.toFixed(1)} letters/s`,
  );

  // 2. The pipeline: worker process already running (as deployed), then create -> rendered -> merged.
  const env = { ...process.env, DATABASE_URL: dbUrl(DB_NAME), REDIS_PREFIX: prefix, LOG_LEVEL: 'warn' };
  worker = spawn(process.execPath, ['--require', 'tsx/cjs', 'jobs/worker.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const workerExit = new Promise<void>((r) => worker!.once('exit', () => r()));
  await new Promise((r) => setTimeout(r, 3000));

  let peak = { rssKb: 0, pssKb: 0, processes: 0, ownPssKb: 0 };
  let workerPeakKb = 0;
  const sampler = setInterval(() => {
    const m = memoryOf(worker!.pid!);
    workerPeakKb = Math.max(workerPeakKb, m.ownPssKb);
    if (m.pssKb > peak.pssKb) peak = { ...m, rssKb: Math.max(m.rssKb, peak.rssKb) };
    else peak.rssKb = Math.max(peak.rssKb, m.rssKb);
  }, 250);

  const t0 = performance.now();
  const campaign = await createCampaign(body, cli);
  const tCreated = performance.now();
  // A broken worker must fail the benchmark (CI runs it), not keep it waiting.
  const deadline = Date.now() + Math.max(300_000, LETTERS * 100);
  let workerGone = false;
  void workerExit.then(() => (workerGone = true));
  for (;;) {
    const c = await repo.campaignById(pool, campaign.id);
    if (c!.pending === 0) break;
    if (workerGone)
      throw new Error(`the worker exited with ${c!.pending} letters pending; its output is above`);
    if (Date.now() > deadline)
      throw new Error(
        `${c!.pending} letters still pending after ${Math.max(300, LETTERS / 10)} s; is the worker rendering?`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
  const tRendered = performance.now();
  const merged = await exportPrintFile(campaign.id, cli);
  const tMerged = performance.now();
  clearInterval(sampler);
  const final = await repo.campaignById(pool, campaign.id);
  const letters = final!.rendered;
  if (final!.failed > 0 || letters !== LETTERS)
    throw new Error(
      `${letters} of ${LETTERS} letters rendered, ${final!.failed} failed; the worker's output is above`,
    );
  const seconds = (tMerged - t0) / 1000;
  const pipelineRate = letters / seconds;

  // What the worker stored: one file per batch (sizes of distinct files).
  const { rows: storedRows } = await pool.query<{ files: number; bytes: string }>(
    `SELECT count(*)::int AS files, coalesce(sum(b), 0)::text AS bytes FROM (SELECT DISTINCT pdf_sha256, pdf_bytes AS b FROM letters WHERE campaign_id = $1 AND status = 'rendered') f`,
    [campaign.id],
  );
  worker.kill('SIGTERM');
  await workerExit;
  worker = undefined;

  const sizes = {
    letters: LETTERS,
    naiveSample: NAIVE_SAMPLE,
    demoArea: 'Delft (GM0503)',
    syntheticAddresses: extra,
  };
  const result = run.write(sizes, {
    settings: {
      batchSize: config().LETTER_BATCH_SIZE,
      workerConcurrency: config().WORKER_CONCURRENCY,
      tagged: false,
    },
    campaign: {
      letters,
      failed: final!.failed,
      createSeconds: +((tCreated - t0) / 1000).toFixed(2),
      renderSeconds: +((tRendered - tCreated) / 1000).toFixed(1),
      mergeSeconds: +((tMerged - tRendered) / 1000).toFixed(1),
      totalSeconds: +seconds.toFixed(1),
      lettersPerSecond: +pipelineRate.toFixed(1),
      mergedPdfMb: +(merged.length / 2 ** 20).toFixed(1),
      storedFiles: storedRows[0]!.files,
      storedMb: +(Number(storedRows[0]!.bytes) / 2 ** 20).toFixed(1),
    },
    peakMemoryWorkerPlusBrowser: {
      rssMb: Math.round(peak.rssKb / 1024),
      pssMb: Math.round(peak.pssKb / 1024),
      processes: peak.processes,
      workerAtPeakPssMb: Math.round(peak.ownPssKb / 1024),
      workerPeakPssMb: Math.round(workerPeakKb / 1024),
    },
    naive: {
      letters: rows.length,
      seconds: +naiveSeconds.toFixed(1),
      lettersPerSecond: +naiveRate.toFixed(1),
    },
    ratioPipelineToNaive: +(pipelineRate / naiveRate).toFixed(1),
    targets: {
      totalSecondsBelow: 180,
      lettersPerSecondAtLeast: 60,
      peakMemoryMbBelow: 1536,
      ratioAtLeast: 6,
    },
  });
  console.log(JSON.stringify(result, null, 2));

  await closeLetterQueue();
  await closeRedis();
  await closeDb();
  await dropDatabase(dbUrl(DB_NAME));
  // the run's Redis keys
  const { Redis } = await import('ioredis');
  const r = new Redis(config().REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await r.del(...keys);
  } while (cursor !== '0');
  await r.quit();
}

main().catch((err) => {
  console.error(err);
  worker?.kill('SIGTERM'); // the worker closes its Chromium on SIGTERM
  process.exit(1);
});
