// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ChunkGraph, type OutputFile } from '../../scripts/lib/chunk-graph.mjs';
import { LANGUAGE_MARKER, MARKER } from '../../scripts/lib/library-paths.mjs';

const encode = (text: string) => new TextEncoder().encode(text);

function chunk(path: string, code: string, links: Partial<OutputFile> = {}): OutputFile {
  return { path, bytes: encode(code), imports: [], dynamicImports: [], css: [], inputs: {}, ...links };
}

/**
 * An app as a bundler splits it: the entry with a shared chunk and its stylesheet; on demand the consent's
 * upkeep (which loads cleanup code on demand in turn), the banner with i18next, each language's texts, the
 * dialog with Radix and the policy page, both of which import the banner's shared chunk.
 */
const app = new ChunkGraph(
  [
    chunk('entry.js', 'main', {
      imports: ['shared.js'],
      dynamicImports: ['upkeep.js', 'banner.js', 'fi.js', 'en.js', 'dialog.js', 'policy.js'],
      css: ['entry.css'],
      inputs: { 'src/index.ts': 4, 'src/unused.ts': 0 },
    }),
    chunk('entry.css', '.rcp-banner{}'),
    chunk('shared.js', 'shared', { inputs: { 'src/core/cookie.ts': 6 } }),
    chunk('upkeep.js', 'upkeep', { imports: ['shared.js'], dynamicImports: ['cleanup.js'] }),
    chunk('cleanup.js', 'cleanup'),
    chunk('banner.js', `"${MARKER.banner}"`, { imports: ['i18n.js'] }),
    chunk('i18n.js', MARKER.i18next),
    chunk(
      'fi.js',
      `"${LANGUAGE_MARKER.fi} ${Array.from({ length: 200 }, (_, i) => (i * 7919).toString(36)).join(' ')}"`,
    ),
    chunk('en.js', `"${LANGUAGE_MARKER.en}"`),
    chunk('dialog.js', `"${MARKER.dialog}"`, { imports: ['radix.js', 'i18n.js'] }),
    chunk('radix.js', MARKER.radix),
    chunk('policy.js', `"${MARKER.policy}"`, { imports: ['i18n.js'] }),
  ],
  'entry.js',
);

describe('a chunk graph', () => {
  it('follows static imports for what loads together, and reads on-demand imports and stylesheets', () => {
    expect([...app.closure('entry.js')]).toEqual(['entry.js', 'shared.js']);
    expect([...app.closure('dialog.js')].sort()).toEqual(['dialog.js', 'i18n.js', 'radix.js']);
    expect(app.dynamicImports(['upkeep.js'])).toEqual(new Set(['cleanup.js']));
    expect(app.css(app.closure('entry.js'))).toEqual(new Set(['entry.css']));
    expect(app.sources(['entry.js', 'shared.js'])).toEqual(['src/index.ts', 'src/core/cookie.ts']);
    expect(app.min(['entry.js', 'shared.js'])).toBe('main'.length + 'shared'.length);
    expect(app.onDemandWith(MARKER.i18next)).toBe('banner.js');
  });

  it('tells the dialog, the policy page and each language from what a first visit loads', () => {
    expect(
      ['upkeep.js', 'banner.js', 'fi.js', 'en.js', 'dialog.js', 'policy.js'].map((path) => app.kindOf(path)),
    ).toEqual(['first visit', 'first visit', 'language fi', 'language en', 'dialog', 'policy']);
  });

  it('counts a first visit as the initial load, the upkeep and the banner with what they load, and one language', () => {
    const visit = app.visit();
    expect([...visit.initial]).toEqual(['entry.js', 'shared.js']);
    expect(visit.language).toBe('fi');
    expect([...visit.firstVisit].sort()).toEqual(
      ['banner.js', 'cleanup.js', 'entry.js', 'fi.js', 'i18n.js', 'shared.js', 'upkeep.js'].sort(),
    );
    // What the banner already brought is not counted again for the dialog or the policy page.
    expect([...visit.dialog].sort()).toEqual(['dialog.js', 'radix.js']);
    expect([...visit.policy]).toEqual(['policy.js']);
    expect(app.visit({ language: 'en' }).firstVisit.has('en.js')).toBe(true);
    expect(() => app.visit({ language: 'sv' })).toThrow(/no texts of sv/);
  });

  it('reads Vite output: chunks, their imports, their modules and the stylesheet Vite attached', () => {
    const graph = ChunkGraph.fromRolldown(
      {
        output: [
          {
            type: 'chunk',
            fileName: 'assets/app.js',
            code: 'import "react";',
            imports: ['react', 'assets/shared.js'],
            dynamicImports: ['assets/banner.js'],
            isEntry: true,
            facadeModuleId: '/app/main.tsx',
            modules: { '/app/main.tsx': { renderedLength: 15 }, '\0vite/preload-helper.js': { renderedLength: 3 } },
            viteMetadata: { importedCss: new Set(['assets/app.css']) },
          },
          { type: 'chunk', fileName: 'assets/shared.js', code: 's', imports: [], dynamicImports: [], modules: {} },
          {
            type: 'chunk',
            fileName: 'assets/banner.js',
            code: MARKER.banner,
            imports: ['assets/shared.js'],
            dynamicImports: [],
            modules: {},
          },
          { type: 'asset', fileName: 'assets/app.css', source: 'body{}' },
        ],
      },
      { cwd: '/app' },
    );
    expect(graph.entry).toBe('assets/app.js');
    expect(graph.file('assets/app.js').imports).toEqual(['assets/shared.js']);
    expect(graph.sources(['assets/app.js'])).toEqual(['main.tsx', '\0vite/preload-helper.js']);
    expect(graph.css(graph.visit().initial)).toEqual(new Set(['assets/app.css']));
    expect([...graph.visit().firstVisit].sort()).toEqual(['assets/app.js', 'assets/banner.js', 'assets/shared.js']);
  });

  it('names the missing entry when asked for a visit of a build without one', () => {
    expect(() => new ChunkGraph([chunk('a.js', 'a')], undefined).visit()).toThrow(/no entry chunk/);
    expect(() => new ChunkGraph([chunk('a.js', 'a')], 'b.js')).toThrow(/the entry b.js is not among/);
  });
});
