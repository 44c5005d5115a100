import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { policyDraft } from '../scanner/policy-draft';
import { progressBar } from '../scanner/progress-bar';
import { runScan } from '../scanner/run-scan';
import { ScanError } from '../scanner/scan-error';
import { failedVisits, type PolicySource, scanJson } from '../scanner/scan-json';
import { scanJunit } from '../scanner/scan-junit';
import { scanReport } from '../scanner/scan-report';
import { styleFor } from '../scanner/terminal-style';

const USAGE = `Usage: react-consent-policy scan <url> --policy <file> [options]

Visits the site in Chromium in every consent state and checks what it stores and sends against the policy.

Options:
  --policy <file>      the module that exports the shop's definePolicy(...) (.ts, .js, .mjs)
  --export <name>      the export to read (default: the default export, else the first policy exported)
  --pages <n>          the most pages to visit (default 20)
  --concurrency <n>    browser contexts at once (default 4)
  --settle <ms>        how long each page is left to act once loaded (default 500)
  --json <file>        write the JSON report (schema: docs/scanner.md)
  --junit <file>       write a JUnit XML report: a test case per page and state
  --draft              print a policy snippet for what was found undeclared
  -h, --help           this text

Exit codes: 0 no finding, 1 findings, 2 the scan could not run (or some visits failed).
`;

/** A whole number from `min` to `max`, or a ScanError that names the option. */
function whole(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ScanError(`--${name} must be a whole number from ${min} to ${max}, got "${value}".`);
  }
  return number;
}

async function write(file: string, text: string): Promise<void> {
  const path = resolve(file);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (error) {
    throw new ScanError(`Could not write ${path}: ${(error as Error).message}`);
  }
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        policy: { type: 'string' },
        export: { type: 'string' },
        pages: { type: 'string' },
        concurrency: { type: 'string' },
        settle: { type: 'string' },
        json: { type: 'string' },
        junit: { type: 'string' },
        draft: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new ScanError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

/**
 * `react-consent-policy scan <url> --policy <file>`: scans, prints the report (and the draft), writes the JSON and
 * JUnit files. Resolves to the exit code: 0 without findings, 1 with findings, 2 when the scan could not run.
 */
export async function run(args: string[]): Promise<number> {
  const progress = progressBar(process.stderr);
  try {
    const { values, positionals } = parse(args);
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const [url, ...extra] = positionals;
    if (url === undefined || values.policy === undefined || extra.length > 0) {
      throw new ScanError(
        `${url === undefined ? 'Give the address to scan.' : extra.length > 0 ? `One address only, got also ${extra.join(' ')}.` : 'Give the policy file with --policy <file>.'}\n\n${USAGE}`,
      );
    }
    const { result, loaded } = await runScan({
      url,
      policyFile: values.policy,
      exportName: values.export,
      pages: whole(values.pages, 'pages', 20, 1, 10_000),
      concurrency: whole(values.concurrency, 'concurrency', 4, 1, 16),
      timing: { settle: whole(values.settle, 'settle', 500, 0, 60_000) },
      onProgress: progress.update,
    });
    progress.done();
    const source: PolicySource = {
      file: relative(process.cwd(), loaded.file) || loaded.file,
      exportName: loaded.exportName,
      revision: loaded.policy.revision,
    };
    process.stdout.write(scanReport(result, source, styleFor(process.stdout, process.env)));
    if (values.draft) {
      const draft = policyDraft(loaded.policy, result);
      process.stdout.write(draft === '' ? '\nNothing undeclared: no draft.\n' : `\n${draft}`);
    }
    if (values.json !== undefined) await write(values.json, `${JSON.stringify(scanJson(result, source), null, 2)}\n`);
    if (values.junit !== undefined) await write(values.junit, scanJunit(result));
    if (result.findings.length > 0) return 1;
    return failedVisits(result) > 0 ? 2 : 0;
  } catch (error) {
    progress.done();
    if (error instanceof ScanError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
