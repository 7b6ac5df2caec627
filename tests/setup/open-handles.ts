/**
 * Leak detection, as graphile/worker's test helpers do it: every PostgreSQL connection (a pg
 * Client, pooled or not), every Redis connection (ioredis, including those BullMQ opens for its
 * queues and workers) and every BullMQ worker that a test file opens must be closed by the end of
 * the file. This setup file (jest `setupFilesAfterEnv`) records them as they open, in the test
 * file's own module registry; tests/leak-environment.cjs asks after the file's last afterAll hook
 * and fails the file naming where each open one was created.
 *
 * Cheap by design: it wraps three methods and keeps three sets, no async_hooks.
 */
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';

type Kind = 'PostgreSQL connection' | 'Redis connection' | 'BullMQ worker';
const open = new Map<object, { kind: Kind; where: string }>();

/** The first frame of the stack in a test (else in the project's own code): where to close it. */
function where(): string {
  const frames = (new Error().stack ?? '').split('\n').slice(2);
  const test = frames.find((f) => f.includes('/tests/') && !f.includes('/tests/setup/'));
  const own = frames.find((f) => /\/(server|jobs|bench)\//.test(f));
  return (test ?? own ?? frames[0] ?? '?').trim().replace(/^at /, '');
}

function track(handle: object, kind: Kind): void {
  if (!open.has(handle)) open.set(handle, { kind, where: where() });
}

type AnyFn = (...args: unknown[]) => unknown;

// pg: a client is open from connect() until its connection ends (end(), or lost).
const pgConnect = Client.prototype.connect as unknown as AnyFn;
(Client.prototype as unknown as { connect: AnyFn }).connect = function (this: Client, ...args: unknown[]) {
  track(this, 'PostgreSQL connection');
  this.once('end', () => open.delete(this));
  const cb = args[0];
  if (typeof cb === 'function') {
    return pgConnect.call(this, (err: unknown) => {
      if (err) open.delete(this);
      (cb as AnyFn)(err);
    });
  }
  return (pgConnect.call(this) as Promise<void>).catch((err: unknown) => {
    open.delete(this);
    throw err;
  });
};

// ioredis: a connection is open from connect() until it emits 'end' (quit/disconnect, no more retries).
const redisConnect = Redis.prototype.connect as unknown as AnyFn;
(Redis.prototype as unknown as { connect: AnyFn }).connect = function (this: Redis, ...args: unknown[]) {
  track(this, 'Redis connection');
  this.once('end', () => open.delete(this));
  return redisConnect.apply(this, args);
};

// BullMQ: a worker is open from run() until close() has finished.
const workerRun = Worker.prototype.run as unknown as AnyFn;
const workerClose = Worker.prototype.close as unknown as AnyFn;
(Worker.prototype as unknown as { run: AnyFn }).run = function (this: Worker, ...args: unknown[]) {
  track(this, 'BullMQ worker');
  return workerRun.apply(this, args);
};
(Worker.prototype as unknown as { close: AnyFn }).close = async function (this: Worker, ...args: unknown[]) {
  await workerClose.apply(this, args);
  open.delete(this);
};

/**
 * What is still open, after giving closing connections up to 15 s to report their end (ioredis
 * emits 'end' a moment after quit() resolves; a query that a request with a time limit left
 * behind, e.g. the health check's, ends its connection when it finishes, which on a loaded
 * machine took over a second; a letter job that a closing worker lets finish, longer). Waits only
 * while something is open.
 */
async function stillOpen(): Promise<string[]> {
  for (let waited = 0; open.size > 0 && waited < 15_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return [...open.values()].map((h) => `${h.kind} opened at ${h.where}`);
}

(globalThis as { __pkStillOpen?: () => Promise<string[]> }).__pkStillOpen = stillOpen;
