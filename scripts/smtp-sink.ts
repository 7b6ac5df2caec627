/**
 * A real SMTP server on loopback for the demo and the tests (npm `smtp-server`; each message is
 * parsed with `mailparser`). It accepts every message, keeps it in memory and, with `dir`, writes
 * it as <n>.eml. No TLS and no AUTH: it listens on 127.0.0.1 only.
 *
 *   const sink = await SmtpSink.start();            // ephemeral port: sink.url is smtp://127.0.0.1:<port>
 *   const mail = await sink.waitFor((m) => m.to === 'a@example.nl');
 *   sink.refuseNext(1);                             // the next message gets 451 (to test retries)
 *
 * Run on its own (`npx tsx scripts/smtp-sink.ts`): listens on SMTP_SINK_PORT (2525) and writes
 * to SMTP_SINK_DIR (var/mail), one line per message on stdout.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  /** The whole message as received. */
  raw: string;
  /** The header section as sent, folded lines unfolded: 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'. */
  headerLines: string;
  file?: string;
}

export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  private refusals = 0;
  private waiters: Array<() => void> = [];
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    private readonly dir: string | undefined,
  ) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  static async start(opts: { port?: number; dir?: string } = {}): Promise<SmtpSink> {
    if (opts.dir) fs.mkdirSync(opts.dir, { recursive: true });
    // The server's callbacks need the sink, which needs the server: filled in below.
    const ref: { sink?: SmtpSink } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      size: 5 * 1024 * 1024,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const s = ref.sink!;
          if (s.refusals > 0) {
            s.refusals--;
            const err = Object.assign(new Error('try again later (test refusal)'), { responseCode: 451 });
            return callback(err);
          }
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((m) => {
              const mail: ReceivedMail = {
                to: session.envelope.rcptTo.map((r) => r.address).join(','),
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                subject: m.subject ?? '',
                text: m.text ?? '',
                html: typeof m.html === 'string' ? m.html : '',
                headers: m.headers,
                raw: raw.toString('utf8'),
                headerLines: raw
                  .toString('utf8')
                  .split(/\r?\n\r?\n/)[0]!
                  .replace(/\r?\n[ \t]+/g, ' '),
              };
              if (s.dir) {
                mail.file = path.join(s.dir, `${Date.now()}-${s.mails.length + 1}.eml`);
                fs.writeFileSync(mail.file, raw);
              }
              s.mails.push(mail);
              s.waiters.splice(0).forEach((w) => w());
              callback();
            })
            .catch((err: Error) => callback(err));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
    server.on('error', () => undefined);
    const port = (server.server.address() as AddressInfo).port;
    ref.sink = new SmtpSink(server, port, opts.dir);
    return ref.sink;
  }

  /** The next `n` messages are refused with 451 (a temporary failure: the sender retries). */
  refuseNext(n: number): void {
    this.refusals = n;
  }

  /** The first mail (received or to come) matching `pred`. */
  async waitFor(pred: (m: ReceivedMail) => boolean, timeoutMs = 15000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.mails.find(pred);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such mail within ${timeoutMs} ms (${this.mails.length} received)`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

if (require.main === module) {
  const port = Number(process.env.SMTP_SINK_PORT ?? 2525);
  const dir = process.env.SMTP_SINK_DIR ?? path.resolve(__dirname, '..', 'var', 'mail');
  void SmtpSink.start({ port, dir }).then((sink) => {
    process.stdout.write(`smtp sink listening on ${sink.url}, mails in ${dir}\n`);
    const seen = { n: 0 };
    setInterval(() => {
      for (; seen.n < sink.mails.length; seen.n++) {
        const m = sink.mails[seen.n]!;
        process.stdout.write(
          `${new Date().toISOString()} to=${m.to} subject=${JSON.stringify(m.subject)} file=${m.file}\n`,
        );
      }
    }, 500).unref();
    const stop = () => void sink.close().then(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
