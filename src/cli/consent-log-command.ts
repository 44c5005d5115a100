import { createWriteStream } from 'node:fs';
import { createServer } from 'node:http';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { Policy } from '../core/policy';
import { createConsentLog } from '../server/consent-log';
import type { ConsentLog, DayStats, StoredRecord, TimeRange } from '../server/consent-log-types';
import { nodeListener } from '../server/node-listener';
import { csvLine } from './csv';
import { loadPolicy } from './load-policy';
import { progressBar } from './progress';
import { UsageError } from './usage-error';

const USAGE = `Usage: react-consent-policy consent-log <command> --policy <file> [options]

Commands:
  export   every record decided in --from..--to, as CSV (default) or JSON
  find     every decision of one consent id: find <id>
  stats    per UTC day of --from..--to: decisions by action, grants per category
  verify   walk the hash chain; exit code 1 when a row was changed or deleted
  serve    receive records over HTTP: POST /any/path (for shops without a Node backend)

Options:
  --policy <file>     the shop's policy: a .js/.mjs module exporting definePolicy's result, or a .ts one
                      (compiled with esbuild when installed); file#name picks a named export
  --database <url>    postgres://user:pass@host:5432/db (needs pg); default: embedded PGlite in --data-dir
  --data-dir <dir>    the embedded database's directory (default ./.consent-log)
  --schema <name>     the PostgreSQL schema of the log's tables (default: the connection's)
  --format csv|json   export, stats: csv by default; find: json by default
  --from, --to        a date (2026-12-01: the whole UTC day, also as --to) or an ISO time with its zone
                      (2026-12-01T12:00:00Z; --to is then exclusive)
  --out <file>        write there instead of standard output
  --port <n>          serve: the port (default 8787)
  --host <address>    serve: the address to listen on (default 127.0.0.1)

Exit codes: 0 done, 1 verify found a changed or deleted row, 2 a usage error or a failure.
`;

/** Where a command writes: standard output and error, replaceable in tests. */
export interface Io {
  readonly stdout: NodeJS.WriteStream | Writable;
  readonly stderr: NodeJS.WriteStream | Writable;
  /** Resolves when the command that serves should stop (default: SIGINT or SIGTERM). */
  readonly stopped?: Promise<void>;
}

const OPTIONS = {
  policy: { type: 'string' },
  database: { type: 'string' },
  'data-dir': { type: 'string' },
  schema: { type: 'string' },
  format: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/**
 * `react-consent-policy consent-log export|find|stats|verify|serve`: the shop's consent log from the command
 * line, on the same database as `createConsentLog`. Resolves to the exit code.
 */
export async function run(
  args: string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let log: ConsentLog | undefined;
  try {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.stdout.write(USAGE);
      return values.help || command === 'help' ? 0 : 2;
    }
    if (!['export', 'find', 'stats', 'verify', 'serve'].includes(command)) {
      throw new UsageError(`Unknown consent-log command "${command}".`);
    }
    if (values.policy === undefined) throw new UsageError("--policy <file> is needed: the shop's policy.");
    const format = values.format ?? (command === 'find' ? 'json' : 'csv');
    if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, not "${format}".`);
    const policy = await loadPolicy(values.policy);
    log = await createConsentLog({
      policy,
      ...(values.database === undefined ? {} : { database: values.database }),
      ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
      ...(values.schema === undefined ? {} : { schema: values.schema }),
    });
    const range: TimeRange = {
      ...(values.from === undefined ? {} : { from: values.from }),
      ...(values.to === undefined ? {} : { to: values.to }),
    };
    switch (command) {
      case 'verify':
        return await verify(log, io);
      case 'serve':
        return await serve(log, values, io);
      case 'find': {
        const [id] = rest;
        if (id === undefined) throw new UsageError('find needs a consent id: find <id>.');
        const records = await log.find(id);
        await output(values, io, async (out) => {
          if (format === 'json') await write(out, `${JSON.stringify(records, null, 2)}\n`);
          else await writeRecordsCsv(out, policy, records);
        });
        return 0;
      }
      case 'stats': {
        if (values.from === undefined || values.to === undefined) throw new UsageError('stats needs --from and --to.');
        const stats = await log.stats({ from: values.from, to: values.to });
        await output(values, io, (out) =>
          format === 'json' ? write(out, `${JSON.stringify(stats, null, 2)}\n`) : writeStatsCsv(out, policy, stats),
        );
        return 0;
      }
      default: {
        const total = await log.count(range);
        const progress = progressBar(io.stderr as NodeJS.WriteStream, total, 'Exporting');
        let done = 0;
        const records = (async function* () {
          for await (const record of (log as ConsentLog).records(range)) {
            done += 1;
            progress.update(done);
            yield record;
          }
        })();
        await output(values, io, async (out) => {
          if (format === 'json') await writeRecordsJson(out, records);
          else await writeRecordsCsv(out, policy, records);
        });
        progress.end();
        io.stderr.write(`Exported ${done} record(s).\n`);
        return 0;
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
        ? `${message}\n\n${USAGE}`
        : `consent-log: ${message}\n`,
    );
    return 2;
  } finally {
    await log?.close().catch(() => {});
  }
}

async function verify(log: ConsentLog, io: Io): Promise<number> {
  const result = await log.verify();
  if (result.ok) {
    io.stdout.write(
      `${result.records} record(s), the chain is intact.${result.head ? ` Head: ${result.head} (keep it elsewhere: rows up to it cannot then be rewritten unseen).` : ''}\n`,
    );
    return 0;
  }
  io.stdout.write(`The chain is broken at row ${result.firstBad}: ${result.reason} (${result.records} row(s) read).\n`);
  return 1;
}

async function serve(log: ConsentLog, values: Values, io: Io): Promise<number> {
  const port = Number(values.port ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port must be a port number, not "${values.port}".`);
  const host = values.host ?? '127.0.0.1';
  const server = createServer(nodeListener(log.handler));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const shown = typeof address === 'object' && address ? `http://${host}:${address.port}` : `${host}:${port}`;
  io.stderr.write(`The consent log receives records at ${shown} (POST, any path). Ctrl-C stops it.\n`);
  await (io.stopped ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return 0;
}

/** Runs `work` on the --out file, or on standard output; resolves once everything is written. */
async function output(values: Values, io: Io, work: (out: Writable) => Promise<void>): Promise<void> {
  if (values.out === undefined) {
    await work(io.stdout as Writable);
    return;
  }
  const file = createWriteStream(values.out);
  await new Promise<void>((resolve, reject) => {
    file.once('open', () => resolve());
    file.once('error', reject);
  });
  await work(file);
  await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Writes, waiting when the stream's buffer is full: a large export never piles up in memory. */
function write(out: Writable, text: string): Promise<void> {
  if (out.write(text)) return Promise.resolve();
  return new Promise((resolve) => out.once('drain', resolve));
}

async function writeRecordsJson(out: Writable, records: AsyncIterable<StoredRecord>): Promise<void> {
  let first = true;
  await write(out, '[');
  for await (const record of records) {
    await write(out, `${first ? '\n' : ',\n'}${JSON.stringify(record)}`);
    first = false;
  }
  await write(out, first ? ']\n' : '\n]\n');
}

/**
 * One line per record: its fields, one column per category of the policy, and `choices` as JSON (a record
 * of an earlier revision may hold a category the policy no longer has: it is still there).
 */
async function writeRecordsCsv(
  out: Writable,
  policy: Policy,
  records: AsyncIterable<StoredRecord> | Iterable<StoredRecord>,
): Promise<void> {
  const categories = policy.categoryNames;
  await write(
    out,
    csvLine([
      'seq',
      'id',
      'decidedAt',
      'expiresAt',
      'revision',
      'action',
      'language',
      'textHash',
      'gpc',
      'dnt',
      ...categories,
      'choices',
      'receivedAt',
      'hash',
      'prevHash',
    ]),
  );
  for await (const record of records) {
    await write(
      out,
      csvLine([
        record.seq,
        record.id,
        record.decidedAt,
        record.expiresAt,
        record.revision,
        record.action,
        record.language,
        record.textHash,
        record.signals.gpc,
        record.signals.dnt,
        ...categories.map((name) => (name in record.choices ? record.choices[name] : '')),
        JSON.stringify(record.choices),
        record.receivedAt,
        record.hash,
        record.prevHash,
      ]),
    );
  }
}

async function writeStatsCsv(out: Writable, policy: Policy, stats: readonly DayStats[]): Promise<void> {
  const actions = ['accept-all', 'reject-all', 'custom', 'withdraw'] as const;
  await write(out, csvLine(['day', 'decisions', ...actions, ...policy.categoryNames.map((name) => `granted:${name}`)]));
  for (const day of stats) {
    await write(
      out,
      csvLine([
        day.day,
        day.decisions,
        ...actions.map((action) => day.actions[action]),
        ...policy.categoryNames.map((name) => day.grants[name] ?? 0),
      ]),
    );
  }
}
