/**
 * The sheet job: the contract between the API (enqueueSheet) and the worker
 * (jobs/inspections/sheet-worker.ts). It carries ids only, plus the base URL the QR code points
 * to, and has a deterministic id per inspection and route: asking twice renders once.
 */
import { Queue, type JobsOptions } from 'bullmq';
import { z } from 'zod';
import { config } from '../core/config';
import { redis } from '../core/redis';
import { letterJobOptions } from '../letters/letter-job';

export const SHEET_QUEUE = 'inspection-sheets';

export const SheetJobData = z.object({
  inspectionId: z.number().int().positive(),
  /** route_at of the route to print (ISO): a sheet of an older route is not recorded. */
  routeAt: z.iso.datetime({ offset: true }),
  /** Where the phone page lives (PUBLIC_URL, or the origin the request came to). */
  baseUrl: z.url(),
});
export type SheetJobData = z.infer<typeof SheetJobData>;

export function sheetJobId(inspectionId: number, routeAt: Date): string {
  return `i${inspectionId}-${routeAt.getTime()}`;
}

/** Same retries and retention as a letter batch. */
export function sheetJobOptions(jobId: string): JobsOptions {
  return letterJobOptions(jobId);
}

let queue: Queue<SheetJobData> | undefined;

export function sheetQueue(): Queue<SheetJobData> {
  queue ??= new Queue<SheetJobData>(SHEET_QUEUE, { prefix: config().REDIS_PREFIX, connection: redis() });
  return queue;
}

export async function closeSheetQueue(): Promise<void> {
  const q = queue;
  queue = undefined;
  await q?.close();
}

/** Enqueues the sheet of an inspection's current route (a no-op while the same job is known). */
export async function enqueueSheet(data: SheetJobData): Promise<string> {
  const id = sheetJobId(data.inspectionId, new Date(data.routeAt));
  const q = sheetQueue();
  const old = await q.getJob(id);
  // A failed job of the same route is tried again when asked again.
  if (old && (await old.getState()) === 'failed') await old.remove().catch(() => undefined);
  await q.add('render', data, sheetJobOptions(id));
  return id;
}
