import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSENT_WORDS } from '../consent-words';
import { findBanner, renderShop } from './render-shop';

const CSS = readFileSync(resolve(process.cwd(), 'src/ui/styles.css'), 'utf8');

/** The custom properties of the first block that `start` opens (`:root {` or the dark-mode media query). */
function tokens(start: string): Record<string, string> {
  const from = CSS.indexOf(start);
  const block = CSS.slice(from, CSS.indexOf('}', from));
  return Object.fromEntries([...block.matchAll(/(--rcp-[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

const light = tokens(':root {');
const dark = { ...light, ...tokens('@media (prefers-color-scheme: dark)') };

/** Text on its background: 4.5:1. */
const TEXT_PAIRS = [
  ['--rcp-fg', '--rcp-bg'],
  ['--rcp-muted', '--rcp-bg'],
  ['--rcp-link', '--rcp-bg'],
  ['--rcp-fg', '--rcp-surface'],
  ['--rcp-muted', '--rcp-surface'],
  ['--rcp-link', '--rcp-surface'],
  ['--rcp-button-fg', '--rcp-button-bg'],
  ['--rcp-button-fg', '--rcp-button-hover-bg'],
  ['--rcp-secondary-fg', '--rcp-bg'],
] as const;
/** Focus rings, switch tracks and edges against the background: 3:1 (WCAG 1.4.11). */
const GRAPHIC_PAIRS = [
  ['--rcp-focus', '--rcp-bg'],
  ['--rcp-switch-off', '--rcp-bg'],
  ['--rcp-switch-on', '--rcp-bg'],
  ['--rcp-border', '--rcp-bg'],
] as const;

describe.each([
  ['light', light],
  ['dark', dark],
])('the stylesheet in %s mode', (_, theme) => {
  it.each(TEXT_PAIRS)('%s on %s has at least 4.5:1 contrast', (fg, bg) => {
    expect(theme[fg], fg).toBeDefined();
    expect(contrast(theme[fg]!, theme[bg]!)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(GRAPHIC_PAIRS)('%s against %s has at least 3:1 contrast', (fg, bg) => {
    expect(contrast(theme[fg]!, theme[bg]!)).toBeGreaterThanOrEqual(3);
  });
});

describe('the stylesheet on the components', () => {
  const en = CONSENT_WORDS.en;

  beforeEach(() => {
    const style = document.createElement('style');
    style.dataset.test = '';
    style.textContent = CSS;
    document.head.append(style);
  });
  afterEach(() => {
    for (const style of document.head.querySelectorAll('style[data-test]')) style.remove();
  });

  /** A declared length in CSS px (rem = 16px). */
  const px = (value: string) => (value.endsWith('rem') ? Number.parseFloat(value) * 16 : Number.parseFloat(value) || 0);
  const size = (element: Element) => {
    const style = getComputedStyle(element);
    return {
      height: Math.max(px(style.minHeight), px(style.height)),
      width: Math.max(px(style.minWidth), px(style.width)),
    };
  };

  it('gives Accept all and Reject all the same font, weight, padding, size and colours', async () => {
    renderShop({ language: 'en' });
    const banner = await findBanner(en.banner);
    const [accept, reject] = [
      within(banner).getByRole('button', { name: en.acceptAll }),
      within(banner).getByRole('button', { name: en.rejectAll }),
    ].map((button) => getComputedStyle(button));
    for (const property of [
      'font-size',
      'font-weight',
      'padding',
      'min-height',
      'min-width',
      'border',
      'background',
      'color',
      'flex',
    ]) {
      expect(accept?.getPropertyValue(property), property).toBe(reject?.getPropertyValue(property));
    }
    expect(accept?.getPropertyValue('background')).not.toBe('');
  });

  it('makes every control of the banner, the dialog and the footer at least 24x24 px', async () => {
    const { user } = renderShop({ language: 'en' });
    const banner = await findBanner(en.banner);
    const controls = [
      ...within(banner).getAllByRole('button'),
      screen.getByRole('button', { name: en.cookieSettings }),
    ];
    await user.click(within(banner).getByRole('button', { name: en.settings }));
    const dialog = await screen.findByRole('dialog');
    controls.push(...within(dialog).getAllByRole('button'), ...within(dialog).getAllByRole('switch'));
    controls.push(...dialog.querySelectorAll('summary'));
    expect(controls.length).toBeGreaterThan(10);
    for (const control of controls) {
      const { width, height } = size(control);
      expect(height, control.textContent ?? '').toBeGreaterThanOrEqual(24);
      if (control.tagName !== 'SUMMARY') expect(width, control.textContent ?? '').toBeGreaterThanOrEqual(24);
    }
  });

  it('keeps the banner’s empty status region rendered, so that the confirmation is announced when it arrives', async () => {
    renderShop({ language: 'en' });
    const banner = await findBanner(en.banner);
    const status = within(banner).getByRole('status');
    expect(status.textContent).toBe('');
    expect(getComputedStyle(status).display).not.toBe('none');
  });

  it('draws a visible focus ring on every consent UI root', () => {
    for (const root of ['.rcp-banner', '.rcp-dialog', '.rcp-policy', '.rcp-settings-button']) {
      expect(CSS).toMatch(
        new RegExp(`\\${root}[^{]*:focus-visible[^{]*\\{[^}]*outline: 3px solid var\\(--rcp-focus\\)`),
      );
    }
  });
});

describe('the embed’s stylesheet (embed.css), alone, without the main one', () => {
  const EMBED_CSS = readFileSync(resolve(process.cwd(), 'src/ui/embed.css'), 'utf8');
  /** Each `--rcp-embed-*: var(--rcp-…, #hex)` of the block that `start` opens: the colours it falls back to. */
  const fallbacks = (start: string): Record<string, string> => {
    const from = EMBED_CSS.indexOf(start);
    const block = EMBED_CSS.slice(from, EMBED_CSS.indexOf('}', from));
    return Object.fromEntries(
      [...block.matchAll(/(--rcp-embed-[\w-]+):\s*var\(--rcp-[\w-]+,\s*(#[0-9a-f]{6})\)/gi)].map((m) => [m[1], m[2]]),
    );
  };
  const embedLight = fallbacks('.rcp-embed {');
  const embedDark = { ...embedLight, ...fallbacks('@media (prefers-color-scheme: dark)') };

  describe.each([
    ['light', embedLight, light],
    ['dark', embedDark, dark],
  ])('in %s mode', (_, theme, main) => {
    it.each([
      ['--rcp-embed-fg', '--rcp-embed-bg'],
      ['--rcp-embed-muted', '--rcp-embed-bg'],
      ['--rcp-embed-link', '--rcp-embed-bg'],
      ['--rcp-embed-secondary-fg', '--rcp-embed-bg'],
      ['--rcp-embed-button-fg', '--rcp-embed-button-bg'],
    ])('%s on %s has at least 4.5:1 contrast', (fg, bg) => {
      expect(theme[fg], fg).toBeDefined();
      expect(contrast(theme[fg]!, theme[bg]!)).toBeGreaterThanOrEqual(4.5);
    });

    it('draws the focus ring and the edge at 3:1 at least, and falls back to the main stylesheet’s colours', () => {
      expect(contrast(theme['--rcp-embed-focus']!, theme['--rcp-embed-bg']!)).toBeGreaterThanOrEqual(3);
      expect(contrast(theme['--rcp-embed-border']!, theme['--rcp-embed-bg']!)).toBeGreaterThanOrEqual(3);
      expect(theme['--rcp-embed-bg']).toBe(main['--rcp-surface']);
      expect(theme['--rcp-embed-fg']).toBe(main['--rcp-fg']);
      expect(theme['--rcp-embed-focus']).toBe(main['--rcp-focus']);
    });
  });

  it('sets no size in px on the box itself: the SVG sizer gives it, scaled to its container', () => {
    const rule = EMBED_CSS.slice(EMBED_CSS.indexOf('.rcp-embed__sizer {'));
    expect(rule.slice(0, rule.indexOf('}'))).toMatch(/max-width:\s*100%;[\s\S]*height:\s*auto;/);
  });
});
