/**
 * A PostgreSQL 15 server of the test file's own, for tests that stop and restart the database
 * (issue 15): `initdb` in a temporary folder, `pg_ctl start` on a free loopback port, one
 * database restored from this run's template (migrated, with the Delft demo area: pg_dump of
 * the shared server's template piped into the own server, so PostGIS and pgRouting come with
 * it). The shared server at 127.0.0.1:5432 that the other test files use is never touched.
 *
 *   const pg = useOwnPostgres();          // instead of useTestDatabase()
 *   await pg.restart();                   // pg_ctl restart -m fast: every connection is cut
 *   await pg.stop(); ... await pg.start();
 *
 * As root, initdb and postgres refuse to run: the server then runs as the `postgres` user
 * (`runuser -u postgres --`), and the temporary folder is given to that user.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, type Pool } from 'pg';
import { closeDb, createPool, setPool } from '../../server/core/db';

const BIN = process.env.PK_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const DB = 'pk_own';

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

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program (as the postgres user when we are root); throws with its output. */
function pgRun(program: string, args: string[], timeoutMs = 60_000): SpawnSyncReturns<string> {
  const cmd = asRoot ? 'runuser' : path.join(BIN, program);
  const argv = asRoot ? ['-u', 'postgres', '--', path.join(BIN, program), ...args] : args;
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: timeoutMs });
  if (r.status !== 0)
    throw new Error(`${program} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
  return r;
}

/** The server: its port, folder and lifecycle. */
export class OwnPostgres {
  readonly port = freePort();
  readonly dir: string;
  private readonly data: string;
  private readonly log: string;
  private initialised = false;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-pg-'));
    this.data = path.join(this.dir, 'data');
    this.log = path.join(this.dir, 'server.log');
    if (asRoot) execFileSync('chown', ['postgres:postgres', this.dir]);
  }

  /** The URL of a database on this server. */
  url(database = DB): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** initdb (first time only), then pg_ctl start; resolves once it accepts connections. */
  start(): void {
    if (!this.initialised) {
      pgRun('initdb', [
        '-D',
        this.data,
        '-U',
        'postgres',
        '--auth=trust',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
        '-N',
      ]);
      this.initialised = true;
    }
    // fsync off: a test server; a restart (not a machine crash) keeps everything committed.
    const opts = [
      `-p ${this.port}`,
      `-k ${this.dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c full_page_writes=off',
      '-c jit=off',
      '-c max_connections=60',
    ].join(' ');
    pgRun('pg_ctl', ['-D', this.data, '-l', this.log, '-w', '-t', '60', '-o', opts, 'start']);
  }

  /**
   * pg_ctl stop. `fast` (the default) cuts every session as a restart by an operator does;
   * `immediate` is a crash (recovery at the next start).
   */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    if (!this.running()) return;
    pgRun('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  /** Stops (cutting every connection) and starts again, `downMs` later. */
  async restart(opts: { downMs?: number; mode?: 'fast' | 'immediate' } = {}): Promise<void> {
    this.stop(opts.mode);
    if (opts.downMs) await new Promise((r) => setTimeout(r, opts.downMs));
    this.start();
  }

  running(): boolean {
    return fs.existsSync(path.join(this.data, 'postmaster.pid'));
  }

  /** The server's log (for a failing test's message). */
  serverLog(): string {
    return fs.existsSync(this.log) ? fs.readFileSync(this.log, 'utf8') : '';
  }

  /** Stops the server if it runs and removes the folder. */
  cleanup(): void {
    try {
      this.stop('immediate');
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/**
 * Copies this run's template database (tests/global-setup.impl.ts) from the shared server into
 * `target`: pg_dump | psql, with extensions, schema and the demo area.
 */
function copyTemplate(target: OwnPostgres, database: string): void {
  const runId = process.env.PK_TEST_RUN;
  if (!runId) throw new Error('PK_TEST_RUN is not set: run tests through jest, which prepares the template');
  const source = new URL(process.env.PK_TEST_DB_BASE!);
  source.pathname = `/pk_test_${runId}_tpl`;
  execFileSync(path.join(BIN, 'createdb'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(target.port),
    '-U',
    'postgres',
    database,
  ]);
  const dump = spawnSync(path.join(BIN, 'pg_dump'), ['--no-owner', '--no-privileges', source.toString()], {
    maxBuffer: 1 << 30,
  });
  if (dump.status !== 0) throw new Error(`pg_dump of the template failed: ${dump.stderr.toString()}`);
  const restore = spawnSync(
    path.join(BIN, 'psql'),
    ['-q', '-v', 'ON_ERROR_STOP=1', '-X', target.url(database)],
    { input: dump.stdout, maxBuffer: 1 << 30 },
  );
  if (restore.status !== 0) throw new Error(`restoring the template failed: ${restore.stderr.toString()}`);
}

export interface OwnTestDatabase {
  readonly server: OwnPostgres;
  readonly pool: Pool;
  readonly url: string;
  /** Stops the server (fast: cuts every connection), waits `downMs`, starts it again. */
  restart(opts?: { downMs?: number; mode?: 'fast' | 'immediate' }): Promise<void>;
}

/**
 * Registers beforeAll/afterAll hooks: the file's own PostgreSQL with one database (a copy of the
 * run's template), pointed to by the process-wide pool and DATABASE_URL; afterwards the pool is
 * closed, the server stopped and its folder removed, whatever happened.
 */
export function useOwnPostgres(): OwnTestDatabase {
  const holder: { server?: OwnPostgres; pool?: Pool } = {};
  beforeAll(async () => {
    holder.server = new OwnPostgres();
    holder.server.start();
    copyTemplate(holder.server, DB);
    holder.pool = createPool(holder.server.url(), 5);
    setPool(holder.pool);
    process.env.DATABASE_URL = holder.server.url();
    // Sanity: the copy is usable (PostGIS answers).
    const c = new Client({ connectionString: holder.server.url() });
    await c.connect();
    await c.query('SELECT postgis_version()');
    await c.end();
  }, 120_000);
  afterAll(async () => {
    await closeDb().catch(() => undefined);
    holder.server?.cleanup();
  });
  const server = () => {
    if (!holder.server) throw new Error('own PostgreSQL not ready: use it inside a test or hook');
    return holder.server;
  };
  return {
    get server() {
      return server();
    },
    get pool() {
      if (!holder.pool) throw new Error('own PostgreSQL not ready: use it inside a test or hook');
      return holder.pool;
    },
    get url() {
      return server().url();
    },
    restart: (opts) => server().restart(opts),
  };
}
