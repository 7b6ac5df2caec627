/** Worker-thread side of knox-worker.ts: runs one Knox test on its workerData and posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { runKnox, type KnoxRunInput } from './knox-run';

parentPort!.postMessage(runKnox(workerData as KnoxRunInput));
