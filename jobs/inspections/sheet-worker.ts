/**
 * The BullMQ worker of inspection sheets: loads the inspection, renders its sheet (Handlebars,
 * strict) to an A4 PDF in the worker's Chromium, stores it by content hash as the letters are and
 * records it in Postgres for the route it was made from. A broken template or an inspection
 * without a route ends the job (UnrecoverableError); a browser crash or timeout is retried.
 */
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { config } from '../../server/core/config';
import { db } from '../../server/core/db';
import { logger } from '../../server/core/logger';
import * as repo from '../../server/inspections/inspections.repo';
import { SHEET_QUEUE, SheetJobData } from '../../server/inspections/sheet-job';
import { sheetDocument } from '../../server/inspections/sheet-template';
import { buildSheetView } from '../../server/inspections/sheet-view';
import { putPdf } from '../../server/letters/pdf-store';
import { BrowserHost } from '../letters/browser-host';
import { pdfOnPage } from '../letters/render-pdf';
import { queueOptions } from '../queues';
import { pngDataUrl, routeMapPng, type RouteMapInput } from './route-map';

export interface SheetJobResult {
  recorded: boolean;
  sha256: string;
}

export async function processSheetJob(host: BrowserHost, job: Job): Promise<SheetJobResult> {
  const parsed = SheetJobData.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad job payload: ${parsed.error.message}`);
  const { inspectionId, routeAt, baseUrl } = parsed.data;
  const log = logger.child({ job: job.id, attempt: job.attemptsMade + 1 });
  const r = await repo.inspectionById(db(), inspectionId);
  if (!r) throw new UnrecoverableError(`no inspection ${inspectionId}`);
  // The map is a help, not the sheet: without WebGL or tiles the sheet is printed without it.
  let mapImage = '';
  if (r.route_geojson && r.start_lon !== null && r.start_lat !== null) {
    try {
      const mapInput: RouteMapInput = {
        route: JSON.parse(r.route_geojson) as RouteMapInput['route'],
        start: [r.start_lon, r.start_lat],
        streets: r.streets.map((s, i) => ({ position: s.position ?? i + 1, lon: s.lon, lat: s.lat })),
      };
      const png = await routeMapPng(host, mapInput);
      mapImage = pngDataUrl(png);
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'route map not drawn; the sheet is printed without it');
    }
  }
  let html: string;
  try {
    html = sheetDocument(await buildSheetView(r, baseUrl, mapImage));
  } catch (err) {
    await repo.markSheetFailed(db(), inspectionId, (err as Error).message);
    throw new UnrecoverableError((err as Error).message);
  }
  const pdf = await host.withPage((page) => pdfOnPage(page, html, { tagged: true }));
  const file = await putPdf(pdf);
  const recorded = await repo.markSheet(db(), inspectionId, file, new Date(routeAt));
  log.info({ inspection: inspectionId, recorded }, 'inspection sheet done');
  return { recorded, sha256: file.sha256 };
}

/** Starts the worker; returns its closer. Shares the letter worker's browser when given it. */
export function startSheetWorker(host = new BrowserHost()): {
  worker: Worker;
  host: BrowserHost;
  close: () => Promise<void>;
} {
  const cfg = config();
  const worker = new Worker(SHEET_QUEUE, (job) => processSheetJob(host, job), {
    ...queueOptions(),
    concurrency: 1,
    lockDuration: cfg.LETTER_LOCK_MS,
    stalledInterval: cfg.LETTER_LOCK_MS,
  });
  worker.on('failed', (job, err) =>
    logger.warn({ job: job?.id, attempts: job?.attemptsMade, err: err.message }, 'sheet job failed'),
  );
  worker.on('error', (err) => logger.error({ err: err.message }, 'sheet worker error'));
  return {
    worker,
    host,
    close: async () => {
      await worker.close();
      await host.close();
    },
  };
}
