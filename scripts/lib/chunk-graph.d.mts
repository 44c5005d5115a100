import type { BuildOptions, BuildResult } from 'esbuild';

/** One file a bundler wrote: a JS chunk, or a stylesheet or other asset (no imports, no inputs). */
export interface OutputFile {
  path: string;
  bytes: Uint8Array;
  /** Chunks imported statically: they load with this one. */
  imports: string[];
  /** Chunks imported with `import()`: they load on demand. */
  dynamicImports: string[];
  /** Stylesheets the bundler attached to this chunk. */
  css: string[];
  /** Source -> its bytes in this file (0 for a source tree-shaken away). */
  inputs: Record<string, number>;
  entryPoint?: string | null;
}

export type ChunkKind =
  | 'dialog'
  | 'policy'
  | 'embed'
  | 'first visit'
  | `language ${string}`
  | `details ${string}`
  | `embed words ${string}`;

export interface Visit {
  /** The entry and its static imports: what loads before anything is fetched on demand. */
  initial: Set<string>;
  /** The initial load, the on-demand chunks of a first visit and one language's texts. */
  firstVisit: Set<string>;
  /** The preferences dialog's chunks beyond the first visit. */
  dialog: Set<string>;
  /** The policy page's chunks beyond the first visit. */
  policy: Set<string>;
  /** An embed's placeholder with its words in the language counted, beyond the first visit. */
  embed: Set<string>;
  /** Each language's texts, with what they import. */
  languages: Map<string, Set<string>>;
  /** The language counted in `firstVisit`. */
  language: string | undefined;
  texts: Set<string>;
}

/** React and React DOM, external to every measured bundle (esbuild's `external` patterns). */
export declare const REACT_EXTERNAL: string[];
/** The options of an app's production build, as `esbuildApp` starts from. */
export declare const APP_BUILD: BuildOptions;
/** Builds in memory with `APP_BUILD` and `options` over it; the graph of the files written. */
export declare function esbuildApp(options: BuildOptions): Promise<ChunkGraph>;
export declare function gzipSize(bytes: Uint8Array | string): number;
export declare function brotliSize(bytes: Uint8Array | string): number;

export declare class ChunkGraph {
  constructor(files: Iterable<OutputFile>, entry: string | undefined);
  readonly files: Map<string, OutputFile>;
  readonly entry: string | undefined;
  static fromEsbuild(result: BuildResult, options?: { entryPoint?: string; cwd?: string }): ChunkGraph;
  /** `output`: what Vite's `build()` returns with `write: false`. */
  static fromRolldown(output: unknown, options?: { cwd?: string }): ChunkGraph;
  file(path: string): OutputFile;
  closure(...starts: (string | string[])[]): Set<string>;
  dynamicImports(chunks: Iterable<string>): Set<string>;
  css(chunks: Iterable<string>): Set<string>;
  sources(chunks: Iterable<string>): string[];
  topSources(path: string, count: number): [string, number][];
  text(path: string): string;
  code(chunks: Iterable<string>): string;
  min(chunks: Iterable<string>): number;
  gzip(chunks: Iterable<string>): number;
  brotli(chunks: Iterable<string>): number;
  onDemandWith(marker: string, from?: Iterable<string>): string | undefined;
  requireEntry(caller: string): string;
  kindOf(path: string): ChunkKind;
  visit(options?: { language?: string }): Visit;
}
