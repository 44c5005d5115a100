import { posix } from 'node:path';
import { defineConfig, type Rolldown } from 'tsdown';

/**
 * The package's browser entries re-export whole modules (`export * from`), as the sources do. Rolldown writes
 * each re-export as `import { a, b } from` and `export { a, b }`; an app's esbuild then puts every module the
 * entry names into the chunks its page loads first, used or not (a module the consent's runtime shares, such
 * as the storage audit, arrives with the entry). This writes the entry back as the sources have it, one
 * `export * from` per module, and fails the build unless the entry then exports exactly the same names.
 */
function wholeModuleReexports(entries: string[]): Rolldown.Plugin {
  const LINE = /^(?:import \{[^}]*\} from "(\.{1,2}\/[^"]+)";|export \{[^}]*\};|(['"])use client\2;)$/;
  const REEXPORT = /^export \* from "([^"]+)";$/gm;
  const rewrites = (chunk: Rolldown.RenderedChunk, format: string) =>
    format === 'es' && chunk.isEntry && entries.includes(chunk.name);
  return {
    name: 'whole-module-reexports',
    renderChunk(code, chunk, options) {
      if (!rewrites(chunk, options.format)) return null;
      const lines = code.split('\n').filter((line) => line.trim() !== '');
      const other = lines.find((line) => !LINE.test(line));
      if (other !== undefined) {
        throw new Error(`whole-module-reexports: ${chunk.fileName} holds more than re-exports: ${other}`);
      }
      const modules = lines.flatMap((line) => LINE.exec(line)?.[1] ?? []);
      const directives = lines.filter((line) => LINE.exec(line)?.[2] !== undefined);
      return {
        code: [...directives, ...modules.map((module) => `export * from "${module}";`), ''].join('\n'),
        map: null,
      };
    },
    generateBundle(options, bundle) {
      for (const entry of Object.values(bundle)) {
        if (entry.type !== 'chunk' || !rewrites(entry, options.format)) continue;
        const names = [...entry.code.matchAll(REEXPORT)].flatMap(([, module = '']) => {
          const chunk = bundle[posix.join(posix.dirname(entry.fileName), module)];
          if (chunk?.type !== 'chunk') {
            throw new Error(`whole-module-reexports: ${entry.fileName} re-exports ${module}, which is not built`);
          }
          return chunk.exports;
        });
        const same =
          new Set(names).size === names.length &&
          names.length === entry.exports.length &&
          entry.exports.every((name) => names.includes(name));
        if (!same) {
          throw new Error(
            `whole-module-reexports: ${entry.fileName} would export [${names.sort().join(', ')}], not [${[...entry.exports].sort().join(', ')}]`,
          );
        }
      }
    },
  };
}

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      headless: 'src/headless.ts',
      core: 'src/core/index.ts',
      admin: 'src/admin/index.ts',
    },
    format: ['esm', 'cjs'],
    platform: 'neutral',
    // One file per source module, so that an app's bundler splits and tree-shakes the package as it does the
    // sources: a module loaded by `import()` (the consent's runtime, the panels) stays out of the first load.
    unbundle: true,
    plugins: [wholeModuleReexports(['index', 'headless', 'core'])],
    dts: { sourcemap: true },
    sourcemap: true,
    clean: true,
    // The opt-in stylesheets, published as `react-consent-policy/styles.css` and `react-consent-policy/embed.css`.
    copy: [
      { from: 'src/ui/styles.css', to: 'dist' },
      { from: 'src/ui/embed.css', to: 'dist' },
    ],
    external: [/^react($|\/)/, /^react-dom($|\/)/, /^i18next/, /^react-i18next/, /^@radix-ui\//],
  },
  // The consent log for the shop's server (`react-consent-policy/server`), for Node: no React, no DOM. Its
  // database clients are optional peers, loaded by `import()` only when used, never bundled.
  {
    entry: { server: 'src/server/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'node',
    fixedExtension: false,
    dts: { sourcemap: true },
    sourcemap: true,
    clean: false,
    external: [/^@electric-sql\/pglite/, /^pg$/],
  },
  // The shop's tools, for Node: the command line (`bin`).
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    fixedExtension: false,
    dts: false,
    sourcemap: true,
    clean: false,
    external: [/^@electric-sql\/pglite/, /^pg$/, /^esbuild$/],
  },
]);
