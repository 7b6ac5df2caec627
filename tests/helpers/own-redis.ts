/**
 * Import FIRST in a test file that stops and starts Redis: the file gets a Redis server of its
 * own (redis-server on a free port, data in a temporary folder, nothing saved), so the other test
 * files running at the same time keep theirs. REDIS_URL is set before config() is read.
 *
 *   import { ownRedis } from '../helpers/own-redis';
 *   beforeAll(() => ownRedis.start());  ...  await ownRedis.stop();  await ownRedis.start();
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A free TCP port, found synchronously (a child process binds port 0 and prints it). */
function freePort(): number {
  const r = spawnSync(
    process.execPath,
    [
      '-e',
      "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
    ],
    { encoding: 'utf8' },
  );
  return Number(r.stdout.trim());
}

const port = freePort();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-redis-'));
process.env.REDIS_URL = `redis://127.0.0.1:${port}`;

let child: ChildProcess | undefined;

async function listening(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

export const ownRedis = {
  port,
  async start(): Promise<void> {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      {
        stdio: 'ignore',
      },
    );
    for (let i = 0; i < 100 && !(await listening()); i++) await new Promise((r) => setTimeout(r, 50));
  },
  async stop(): Promise<void> {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  },
  cleanup(): void {
    fs.rmSync(dir, { recursive: true, force: true });
  },
};
