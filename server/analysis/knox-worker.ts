/**
 * Runs Knox tests in a worker thread, one at a time. On the event loop a large test (issue 8:
 * 16 s) held up every other request of the server, residents' included; in a thread it costs
 * one core while the server keeps answering. One at a time, so officers asking at once cannot
 * take every core: later tests wait for the one running.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { KnoxRunInput, KnoxRunResult } from './knox-run';

const ENTRY = path.join(__dirname, 'knox-worker.thread.cjs');

let queue: Promise<unknown> = Promise.resolve();

function runOnce(input: KnoxRunInput): Promise<KnoxRunResult> {
  return new Promise((resolve, reject) => {
    // The coordinates are copied, not moved: the caller's arrays stay usable.
    const worker = new Worker(ENTRY, { workerData: input });
    let settled = false;
    worker.once('message', (r: KnoxRunResult) => {
      settled = true;
      resolve(r);
    });
    worker.once('error', (err) => {
      settled = true;
      reject(new Error('the Knox test failed in its worker thread', { cause: err }));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the Knox worker thread stopped (exit code ${code}) without a result`));
    });
  });
}

/** The Knox test of `input`, computed off the event loop after any test already running. */
export function runKnoxInWorker(input: KnoxRunInput): Promise<KnoxRunResult> {
  const run = queue.then(() => runOnce(input));
  queue = run.catch(() => undefined);
  return run;
}
