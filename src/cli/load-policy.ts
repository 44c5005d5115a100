import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Policy } from '../core/policy';
import { UsageError } from './usage-error';

const JAVASCRIPT = new Set(['.js', '.mjs', '.cjs']);
const TYPESCRIPT = new Set(['.ts', '.mts', '.cts']);

/** Whether a value is what definePolicy returns. */
const isPolicy = (value: unknown): value is Policy =>
  typeof value === 'object' &&
  value !== null &&
  Number.isSafeInteger((value as Policy).revision) &&
  Array.isArray((value as Policy).categoryNames) &&
  Array.isArray((value as Policy).categories);

/**
 * Loads the shop's policy from `--policy <file>[#export]`: a module exporting the result of definePolicy
 * (its default export, or the one export that is a policy, or the export named after `#`). JavaScript
 * (.js, .mjs, .cjs) is imported as it is. TypeScript (.ts, .mts, .cts) cannot be run by Node 20, so it is
 * bundled with esbuild when the project has it (`npm install --save-dev esbuild`): the file's own imports
 * are bundled, its packages left to Node, written beside the file for the moment of the import (so that
 * they resolve as the file's own) and removed.
 */
export async function loadPolicy(spec: string): Promise<Policy> {
  const hash = spec.lastIndexOf('#');
  const file = hash > 0 ? spec.slice(0, hash) : spec;
  const name = hash > 0 ? spec.slice(hash + 1) : undefined;
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`--policy ${file}: no such file.`);
  const extension = extname(path);
  let module: Record<string, unknown>;
  if (JAVASCRIPT.has(extension)) module = await import(pathToFileURL(path).href);
  else if (TYPESCRIPT.has(extension)) module = await importTypeScript(path, file);
  else throw new UsageError(`--policy ${file}: a .js, .mjs, .cjs or .ts module that exports the shop's policy.`);
  return pickPolicy(module, file, name);
}

async function importTypeScript(path: string, file: string): Promise<Record<string, unknown>> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new UsageError(
      `--policy ${file}: Node 20 cannot load TypeScript. Install esbuild (\`npm install --save-dev esbuild\`) and it is compiled on the fly, or pass the compiled .js.`,
    );
  }
  const built = await esbuild.build({
    entryPoints: [path],
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const code = built.outputFiles[0]?.text ?? '';
  const out = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.mjs`);
  await writeFile(out, code);
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    await unlink(out).catch(() => {});
  }
}

function pickPolicy(module: Record<string, unknown>, file: string, name: string | undefined): Policy {
  if (name !== undefined) {
    const value = module[name];
    if (isPolicy(value)) return value;
    throw new UsageError(`--policy ${file}#${name}: that export is not a policy (the result of definePolicy).`);
  }
  if (isPolicy(module.default)) return module.default;
  const found = Object.entries(module).filter(([, value]) => isPolicy(value));
  const distinct = [...new Set(found.map(([, value]) => value))];
  if (distinct.length === 1) return distinct[0] as Policy;
  if (distinct.length === 0) {
    throw new UsageError(`--policy ${file}: the module exports no policy (the result of definePolicy).`);
  }
  throw new UsageError(
    `--policy ${file}: the module exports several policies (${found.map(([key]) => key).join(', ')}): name one, as --policy ${file}#${found[0]?.[0]}.`,
  );
}
