/**
 * The product's processes as real children, started the way scripts/demo.sh starts them
 * (`node --require tsx/cjs server/main.ts` / `jobs/worker.ts`): for tests of restarts, several
 * servers and workers, and restores. Every child is tracked; `stopAll()` (in an afterAll) sends
 * SIGTERM, then SIGKILL to any that does not exit within 15 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const children = new Set<ChildProcess>();

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Child {
  readonly process: ChildProcess;
  /** stdout and stderr so far (pino JSON lines when LOG_LEVEL is not silent). */
  output(): string;
  alive(): boolean;
}

function start(script: string, env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', script], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  // Bounded: a long test must not keep every log line in memory.
  const keep = (d: string) => {
    out = (out + d).slice(-2_000_000);
  };
  child.stdout!.setEncoding('utf8').on('data', keep);
  child.stderr!.setEncoding('utf8').on('data', keep);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return {
    process: child,
    output: () => out,
    alive: () => child.exitCode === null && child.signalCode === null,
  };
}

export interface ServerChild extends Child {
  readonly url: string;
}

/** Starts `server/main.ts` on a free port and waits until it answers. */
export async function startServer(env: NodeJS.ProcessEnv): Promise<ServerChild> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const c = start('server/main.ts', { ...env, PORT: String(port), HOST: '127.0.0.1' });
  for (let i = 0; i < 300; i++) {
    if (!c.alive()) throw new Error(`the server stopped at start-up: ${c.output().slice(-2000)}`);
    const ok = await fetch(`${url}/api/public/municipalities`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { ...c, url };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer within 30 s: ${c.output().slice(-2000)}`);
}

/** Starts `jobs/worker.ts` (it logs 'worker started' when its queues are open). */
export function startWorker(env: NodeJS.ProcessEnv): Child {
  return start('jobs/worker.ts', env);
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child has exited. */
export async function stopChild(c: ChildProcess, graceMs = 15_000): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return;
  const exited = new Promise((r) => c.once('exit', r));
  c.kill('SIGTERM');
  const timer = setTimeout(() => c.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Stops every child this file started. */
export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c)));
}
