/**
 * What every benchmark records beside its numbers, so a number in the README can always be
 * quoted with how it was made: the command that reproduces it, the sizes, the machine (cores,
 * load average before and after) and the date.
 *
 * `BENCH_SMOKE=1` asks each benchmark for its small size (CI runs them all that way after the
 * tests, to prove they still complete); those results go to bench/results/smoke/ (git-ignored),
 * so a smoke run never overwrites the measured results in bench/results/.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..');

/** Load averages (1, 5, 15 minutes), rounded to two decimals. */
function loadAverage(): number[] {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}

/** One run of one benchmark: started when constructed, recorded by {@link BenchRun.write}. */
export class BenchRun {
  /** True under `BENCH_SMOKE=1`: every benchmark then runs at its small size. */
  static readonly smoke = process.env.BENCH_SMOKE === '1';

  private readonly started = new Date();
  private readonly loadBefore = loadAverage();

  /**
   * @param name the benchmark (`bench/<name>.bench.ts`, `bench/results/<name>.json`)
   * @param sizeVariables environment variables that change this benchmark's sizes; those that are
   *   set are part of the recorded command
   */
  constructor(
    readonly name: string,
    private readonly sizeVariables: readonly string[] = [],
  ) {}

  /** A scratch database name no other run on this server uses (CI runs may overlap). */
  scratchDatabase(): string {
    return `pk_bench_${this.name}_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  }

  /** A TCP port that was free a moment ago (for a child server; CI runs may overlap). */
  static async freePort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve, reject) =>
      server.once('error', reject).listen(0, '127.0.0.1', resolve),
    );
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  /** The command that reproduces this run, as the README gives it. */
  command(): string {
    const env = [...(BenchRun.smoke ? ['BENCH_SMOKE'] : []), ...this.sizeVariables]
      .filter((v) => process.env[v] !== undefined)
      .map((v) => `${v}=${process.env[v]}`);
    // scripts/bench.sh says it ran us; otherwise we were started by hand (npx tsx bench/...).
    const cmd =
      process.env.BENCH_VIA_NPM === '1'
        ? `npm run bench -- ${this.name}`
        : [
            'npx tsx',
            path.relative(root, process.argv[1] ?? `bench/${this.name}.bench.ts`),
            ...process.argv.slice(2),
          ].join(' ');
    return [...env, cmd].join(' ');
  }

  /** Where the results file goes: bench/results/, or bench/results/smoke/ under BENCH_SMOKE=1. */
  resultsFile(): string {
    return path.join(root, 'bench', 'results', ...(BenchRun.smoke ? ['smoke'] : []), `${this.name}.json`);
  }

  /**
   * Writes the results file: command, date, sizes and machine first, then the benchmark's own
   * fields. Returns what it wrote.
   */
  write(sizes: Record<string, unknown>, body: Record<string, unknown>): Record<string, unknown> {
    const cpus = os.cpus();
    const result = {
      benchmark: this.name,
      command: this.command(),
      smoke: BenchRun.smoke,
      date: this.started.toISOString(),
      wallSeconds: Math.round((Date.now() - this.started.getTime()) / 100) / 10,
      sizes,
      machine: {
        cpus: cpus.length,
        model: cpus[0]?.model,
        totalMemGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
        node: process.version,
        loadAverage1_5_15: { before: this.loadBefore, after: loadAverage() },
      },
      ...body,
    };
    const file = this.resultsFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    process.stderr.write(`[bench] wrote ${path.relative(root, file)}\n`);
    return result;
  }
}
