import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Policy } from '../core/policy';
import { looksLikePolicy, policyFromExport } from './policy-from-export';
import { ScanError } from './scan-error';

/** A policy read from the shop's module, and which export it was. */
export interface LoadedPolicy {
  policy: Policy;
  /** The absolute path of the module. */
  file: string;
  /** The export's name ('default' for the default export). */
  exportName: string;
}

export interface LoadPolicyOptions {
  /** The export to read; default: the default export when it is a policy, else the first export that is one. */
  exportName?: string;
  /** How long the module may take to load, in ms. Default 20 000. */
  timeout?: number;
}

/** Extensions that need compiling (TypeScript, JSX) before Node can load them. */
const COMPILED = new Set(['.ts', '.mts', '.cts', '.tsx', '.jsx']);

/**
 * Runs in a worker thread: imports the module and sends back a structured clone of each export. A clone holds
 * data only (a policy is data), so no getter, proxy or function of the module ever runs in the scanner; a module
 * that loops, exits or eats memory stops only its worker.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.url).then(
  (module) => {
    const exports = [];
    for (const name of Object.keys(module)) {
      try {
        exports.push({ name, value: structuredClone(module[name]) });
      } catch {
        exports.push({ name, value: null });
      }
    }
    parentPort.postMessage({ exports });
  },
  (error) => parentPort.postMessage({ error: String((error && error.message) || error) }),
);
`;

interface WorkerAnswer {
  exports?: { name: string; value: unknown }[];
  error?: string;
}

function importInWorker(url: string, timeout: number): Promise<WorkerAnswer> {
  return new Promise((done) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { url },
      resourceLimits: { maxOldGenerationSizeMb: 512 },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => {
      done({ error: `it did not finish loading within ${timeout / 1000} s` });
      void worker.terminate();
    }, timeout);
    const finish = (answer: WorkerAnswer) => {
      clearTimeout(timer);
      done(answer);
      void worker.terminate();
    };
    worker.once('message', (answer: WorkerAnswer) => finish(answer));
    worker.once('error', (error) => finish({ error: error.message }));
    worker.once('exit', (code) => finish({ error: `it ended the process while loading (exit code ${code})` }));
  });
}

/** The esbuild module, an optional peer dependency: only TypeScript policies need it. */
async function loadEsbuild(): Promise<typeof import('esbuild')> {
  try {
    return await import('esbuild');
  } catch {
    throw new ScanError(
      'A TypeScript policy file needs esbuild to compile it: npm install --save-dev esbuild (or give a .js policy file).',
    );
  }
}

/**
 * Compiles a TypeScript module into one ES module file in `into`. The module's own files are bundled (with the
 * paths of its tsconfig.json); packages stay imports, by their absolute path, so that they load from the shop's
 * node_modules as they would in the shop, whatever directory the bundle is written to.
 */
async function compile(file: string, into: string): Promise<string> {
  const esbuild = await loadEsbuild();
  const nodeModules = `${sep}node_modules${sep}`;
  const outfile = join(into, 'policy.mjs');
  try {
    await esbuild.build({
      entryPoints: [file],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      absWorkingDir: dirname(file),
      // Stylesheets and images a module may import mean nothing to a policy.
      loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty', '.jpg': 'empty', '.gif': 'empty', '.webp': 'empty' },
      plugins: [
        {
          name: 'packages-from-the-shop',
          setup(build) {
            build.onResolve({ filter: /^[^./]/ }, async (args) => {
              if (args.pluginData === 'resolving') return undefined;
              const found = await build.resolve(args.path, {
                kind: args.kind,
                resolveDir: args.resolveDir,
                importer: args.importer,
                pluginData: 'resolving',
              });
              if (found.errors.length > 0 || found.external)
                return found.errors.length > 0 ? { errors: found.errors } : found;
              if (found.path.includes(nodeModules)) return { path: pathToFileURL(found.path).href, external: true };
              return { path: found.path };
            });
          },
        },
      ],
    });
  } catch (error) {
    const messages = (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] })
      .errors;
    const first = messages?.[0];
    const where = first?.location ? ` (${first.location.file}:${first.location.line})` : '';
    throw new ScanError(`The policy file ${file} does not compile: ${first?.text ?? String(error)}${where}`);
  }
  return outfile;
}

/**
 * Reads the shop's policy from its module, TypeScript or JavaScript. The export is `exportName` when given, else
 * the default export when it is a policy, else the first export (in the order of their names) that is one. Throws
 * a ScanError that says what to fix when the file is missing, does not compile or load, or exports no policy.
 */
export async function loadPolicy(path: string, options: LoadPolicyOptions = {}): Promise<LoadedPolicy> {
  const file = resolve(path);
  try {
    if (!(await stat(file)).isFile()) throw new Error();
  } catch {
    throw new ScanError(`The policy file ${file} does not exist.`);
  }
  const scratch = await mkdtemp(join(tmpdir(), 'consent-scan-policy-'));
  try {
    const module = COMPILED.has(extname(file).toLowerCase()) ? await compile(file, scratch) : file;
    const answer = await importInWorker(pathToFileURL(module).href, options.timeout ?? 20_000);
    if (answer.error !== undefined || !answer.exports) {
      throw new ScanError(`The policy file ${file} could not be loaded: ${answer.error ?? 'no answer'}`);
    }
    const { exports } = answer;
    const wanted = options.exportName;
    const chosen =
      wanted !== undefined
        ? exports.find((entry) => entry.name === wanted)
        : (exports.find((entry) => entry.name === 'default' && looksLikePolicy(entry.value)) ??
          exports.find((entry) => looksLikePolicy(entry.value)));
    if (!chosen) {
      const names = exports.map((entry) => entry.name).join(', ') || 'nothing';
      throw new ScanError(
        wanted !== undefined
          ? `The policy file ${file} has no export "${wanted}" (it exports ${names}).`
          : `The policy file ${file} exports no policy made by definePolicy() (it exports ${names}); export one, or name it with --export.`,
      );
    }
    try {
      return { policy: policyFromExport(chosen.value), file, exportName: chosen.name };
    } catch (error) {
      throw new ScanError(`The export "${chosen.name}" of ${file} is not a valid policy: ${(error as Error).message}`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
