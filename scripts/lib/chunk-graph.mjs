// The files a bundler wrote for an app, as a graph: which load together (static imports), which load on
// demand (`import()`), which sources put bytes into each, and what they weigh. One reading of a build for
// the size script, the bundle test and the benchmark, from esbuild's metafile or from Vite's (Rolldown's)
// output, so that all three count a page's download the same way.
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { DETAILS_MARKER, EMBED_TEXTS_MARKER, LANGUAGE_MARKER, MARKER, SHOP_TEXTS_MARKER } from './library-paths.mjs';

/** React and React DOM are the app's own: left out of every measured bundle. */
export const REACT_EXTERNAL = ['react', 'react-dom', 'react/*', 'react-dom/*'];

/** How an app's production build bundles: ESM split into chunks, minified, React left to the app. */
export const APP_BUILD = {
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  external: REACT_EXTERNAL,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'silent',
};

/**
 * Builds with esbuild as an app would (`APP_BUILD`, then `options` over it) in memory, and returns the
 * graph of what it wrote. Nothing is written to disk; `outdir` only names the files.
 */
export async function esbuildApp(options) {
  const cwd = options.absWorkingDir ?? process.cwd();
  const result = await build({
    ...APP_BUILD,
    outdir: join(cwd, 'out'),
    ...options,
    write: false,
    metafile: true,
  });
  const entries = Object.values(options.entryPoints ?? {});
  const entryPoint = options.stdin
    ? (options.stdin.sourcefile ?? '<stdin>')
    : entries.length === 1
      ? posix(relative(cwd, resolve(cwd, entries[0].in ?? entries[0])))
      : undefined;
  return ChunkGraph.fromEsbuild(result, { entryPoint, cwd });
}

export const gzipSize = (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
export const brotliSize = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const posix = (path) => path.replaceAll('\\', '/');

export class ChunkGraph {
  /**
   * @param {Iterable<import('./chunk-graph.d.mts').OutputFile>} files every file the build wrote
   * @param {string | undefined} entry the path of the app's entry chunk, when the build has one
   */
  constructor(files, entry) {
    this.files = new Map([...files].map((file) => [file.path, file]));
    if (entry !== undefined && !this.files.has(entry)) {
      throw new Error(
        `ChunkGraph: the entry ${entry} is not among the built files (${[...this.files.keys()].join(', ')})`,
      );
    }
    this.entry = entry;
    this.texts = new Map();
    this.gzips = new Map();
  }

  /**
   * From an esbuild result built with `metafile: true` and `write: false`. The entry is the JS output of
   * `entryPoint` (the stdin's `sourcefile`, or an entry's path relative to `cwd`); without it, the one JS
   * output with an entry point that nothing imports on demand (esbuild also writes the target of every
   * `import()` it saw as an entry point, even where tree-shaking removed the `import()`).
   */
  static fromEsbuild(result, { entryPoint, cwd = process.cwd() } = {}) {
    if (!result.metafile || !result.outputFiles) {
      throw new Error(
        'ChunkGraph.fromEsbuild: build with `metafile: true` and `write: false`, so that the graph has the bytes.',
      );
    }
    const bytes = new Map(result.outputFiles.map((file) => [resolve(file.path), file.contents]));
    const files = Object.entries(result.metafile.outputs).map(([path, output]) => ({
      path,
      bytes: bytes.get(resolve(cwd, path)) ?? new Uint8Array(),
      imports: output.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => i.path),
      dynamicImports: output.imports.filter((i) => i.kind === 'dynamic-import' && !i.external).map((i) => i.path),
      css: output.cssBundle ? [output.cssBundle] : [],
      inputs: Object.fromEntries(
        Object.entries(output.inputs).map(([input, { bytesInOutput }]) => [input, bytesInOutput]),
      ),
      entryPoint: output.entryPoint,
    }));
    const js = files.filter((file) => file.path.endsWith('.js'));
    const onDemand = new Set(js.flatMap((file) => file.dynamicImports));
    const entries =
      entryPoint === undefined
        ? js.filter((file) => file.entryPoint !== undefined && !onDemand.has(file.path))
        : js.filter((file) => file.entryPoint === entryPoint);
    if (entries.length > 1) {
      throw new Error(
        `ChunkGraph.fromEsbuild: ${entries.length} entries (${entries.map((f) => f.path).join(', ')}); name one with { entryPoint }.`,
      );
    }
    return new ChunkGraph(files, entries[0]?.path);
  }

  /**
   * From the output of Vite's `build()` with `write: false` (one build, its RollupOutput or its list of
   * outputs). Module ids are given relative to `cwd`; CSS is what Vite attaches to each chunk.
   */
  static fromRolldown(output, { cwd = process.cwd() } = {}) {
    const items = (Array.isArray(output) ? output : [output]).flatMap((one) => one.output);
    const files = items.map((item) =>
      item.type === 'chunk'
        ? {
            path: item.fileName,
            bytes: encoder.encode(item.code),
            imports: item.imports.filter((path) => items.some((other) => other.fileName === path)),
            dynamicImports: item.dynamicImports.filter((path) => items.some((other) => other.fileName === path)),
            css: [...(item.viteMetadata?.importedCss ?? [])],
            inputs: Object.fromEntries(
              Object.entries(item.modules).map(([id, module]) => [
                id.startsWith('\0') ? id : posix(relative(cwd, id)),
                module.renderedLength,
              ]),
            ),
            entryPoint: item.isEntry ? item.facadeModuleId : undefined,
          }
        : {
            path: item.fileName,
            bytes: typeof item.source === 'string' ? encoder.encode(item.source) : item.source,
            imports: [],
            dynamicImports: [],
            css: [],
            inputs: {},
          },
    );
    const entries = items.filter((item) => item.type === 'chunk' && item.isEntry);
    if (entries.length > 1)
      throw new Error(`ChunkGraph.fromRolldown: ${entries.length} entries; build one app at a time.`);
    return new ChunkGraph(files, entries[0]?.fileName);
  }

  file(path) {
    const file = this.files.get(path);
    if (!file) throw new Error(`ChunkGraph: no built file ${path}`);
    return file;
  }

  /** The chunks that load together with `starts`: each of them and everything they import statically. */
  closure(...starts) {
    const seen = new Set();
    const visit = (path) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const imported of this.file(path).imports) visit(imported);
    };
    for (const start of starts.flat()) visit(start);
    return seen;
  }

  /** What these chunks import on demand. */
  dynamicImports(chunks) {
    return new Set([...chunks].flatMap((path) => this.file(path).dynamicImports));
  }

  /** The stylesheets the bundler attached to these chunks. */
  css(chunks) {
    return new Set([...chunks].flatMap((path) => this.file(path).css));
  }

  /** The sources that put code into these chunks (a tree-shaken source is an input with no bytes). */
  sources(chunks) {
    return [...chunks].flatMap((path) =>
      Object.entries(this.file(path).inputs)
        .filter(([, bytes]) => bytes > 0)
        .map(([source]) => source),
    );
  }

  /** A file's largest sources with their bytes in it, largest first. */
  topSources(path, count) {
    return Object.entries(this.file(path).inputs)
      .filter(([, bytes]) => bytes > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, count);
  }

  text(path) {
    if (!this.texts.has(path)) this.texts.set(path, decoder.decode(this.file(path).bytes));
    return this.texts.get(path);
  }

  code(chunks) {
    return [...chunks].map((path) => this.text(path)).join('\n');
  }

  /** Bytes as written (minified). */
  min(chunks) {
    return [...chunks].reduce((sum, path) => sum + this.file(path).bytes.length, 0);
  }

  /** gzip -9, file by file, as a server sends each. */
  gzip(chunks) {
    let sum = 0;
    for (const path of chunks) {
      if (!this.gzips.has(path)) this.gzips.set(path, gzipSize(this.file(path).bytes));
      sum += this.gzips.get(path);
    }
    return sum;
  }

  /** brotli 11, file by file. */
  brotli(chunks) {
    return [...chunks].reduce((sum, path) => sum + brotliSize(this.file(path).bytes), 0);
  }

  /** Of what `from` imports on demand (default: the entry's initial load), the chunk whose load brings `marker`. */
  onDemandWith(marker, from = this.closure(this.requireEntry('onDemandWith'))) {
    return [...this.dynamicImports(from)].find((path) => this.code(this.closure(path)).includes(marker));
  }

  requireEntry(caller) {
    if (this.entry === undefined) throw new Error(`ChunkGraph.${caller}: this build has no entry chunk.`);
    return this.entry;
  }

  /**
   * What an on-demand chunk is, by the marks its load carries: the preferences dialog (its class names or
   * Radix), the policy page, an embed's placeholder, one language's texts, one language's details (the dialog's
   * and the policy page's words), one language's embed words, or else a part of a first visit (the banner, the
   * code that keeps the consent up to date).
   */
  kindOf(path) {
    const loaded = this.code(this.closure(path));
    if (loaded.includes(MARKER.dialog) || loaded.includes(MARKER.radix)) return 'dialog';
    if (loaded.includes(MARKER.policy)) return 'policy';
    if (loaded.includes(MARKER.embed)) return 'embed';
    const own = this.text(path);
    const embedWords = Object.keys(EMBED_TEXTS_MARKER).filter((language) => own.includes(EMBED_TEXTS_MARKER[language]));
    if (embedWords.length === 1) return `embed words ${embedWords[0]}`;
    const details = Object.keys(DETAILS_MARKER).filter((language) => own.includes(DETAILS_MARKER[language]));
    if (details.length === 1) return `details ${details[0]}`;
    const languages = Object.keys(LANGUAGE_MARKER).filter(
      (language) => own.includes(LANGUAGE_MARKER[language]) || own.includes(SHOP_TEXTS_MARKER[language] ?? '\0'),
    );
    if (languages.length === 1) return `language ${languages[0]}`;
    return 'first visit';
  }

  /**
   * What a visitor who has not decided yet loads: the entry with its static imports (`initial`), then every
   * chunk it imports on demand but the preferences dialog, the policy page and other languages' texts, and
   * the same again for what those chunks import (`firstVisit`, the texts of one language included: the
   * largest, or `language`). The dialog's and the policy page's chunks beyond the first visit come with it,
   * each with its words in that language; so does an embed's placeholder (`embed`), which a page loads only
   * where a `<ConsentEmbed>` waits for consent, with its words in that language.
   */
  visit({ language } = {}) {
    const initial = this.closure(this.requireEntry('visit'));
    const firstVisit = new Set(initial);
    const dialog = new Set();
    const policy = new Set();
    const embed = new Set();
    const languages = new Map();
    const queue = [...this.dynamicImports(initial)];
    const seen = new Set();
    while (queue.length > 0) {
      const target = queue.shift();
      if (seen.has(target)) continue;
      seen.add(target);
      const kind = this.kindOf(target);
      const loaded = this.closure(target);
      if (kind === 'first visit') {
        for (const path of loaded) firstVisit.add(path);
        queue.push(...this.dynamicImports(loaded));
      } else if (kind === 'dialog') {
        for (const path of loaded) dialog.add(path);
      } else if (kind === 'policy') {
        for (const path of loaded) policy.add(path);
      } else if (kind === 'embed') {
        for (const path of loaded) embed.add(path);
      } else if (kind.startsWith('details ') || kind.startsWith('embed words ')) {
        // The dialog's, the policy page's and the embed's words: counted with them, below.
      } else {
        const name = kind.slice('language '.length);
        languages.set(name, new Set([...(languages.get(name) ?? []), ...loaded]));
      }
    }
    if (language !== undefined && languages.size > 0 && !languages.has(language)) {
      throw new Error(`ChunkGraph.visit: no texts of ${language} among ${[...languages.keys()].join(', ')}`);
    }
    const counted =
      language ?? [...languages.keys()].sort((a, b) => this.gzip(languages.get(b)) - this.gzip(languages.get(a)))[0];
    const texts = languages.get(counted) ?? new Set();
    for (const path of texts) firstVisit.add(path);
    for (const part of [dialog, policy]) {
      for (const target of this.dynamicImports(part)) {
        if (this.kindOf(target) === `details ${counted}`) for (const path of this.closure(target)) part.add(path);
      }
    }
    // The embed's words are loaded by the page's main chunk, beside the placeholder's code.
    for (const target of this.dynamicImports(firstVisit)) {
      if (this.kindOf(target) === `embed words ${counted}`) for (const path of this.closure(target)) embed.add(path);
    }
    for (const path of firstVisit) {
      dialog.delete(path);
      policy.delete(path);
      embed.delete(path);
    }
    return { initial, firstVisit, dialog, policy, embed, languages, language: counted, texts };
  }
}
