import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderTagged } from '../../src/i18n/consent-text';

function show(source: string) {
  // biome-ignore lint/a11y/useAnchorContent: the tag renderer puts the translated link text inside
  const components = { link: <a href="/cookies" />, em: <strong />, br: <br /> };
  return render(<p>{renderTagged(source, components)}</p>).container.firstElementChild as HTMLElement;
}

describe('texts with tags', () => {
  it('turns the named tags into the elements given, with their text inside', () => {
    // The renderer's input, made up here: any words would do, and the UI's own texts are not involved.
    const p = show('Read the <link>cookie policy</link> in <em>Cookie settings</em>.<br/>Thanks');
    expect(p.querySelector('a')?.textContent).toBe('cookie policy');
    expect(p.querySelector('a')?.getAttribute('href')).toBe('/cookies');
    expect(p.querySelector('strong')?.textContent).toBe('Cookie settings');
    expect(p.querySelector('br')).not.toBeNull();
    expect(p.textContent).toBe('Read the cookie policy in Cookie settings.Thanks');
  });

  it('shows <script> and <img onerror> as the characters they are', () => {
    const p = show('<script>alert(1)</script><img src=x onerror="alert(2)"> and <link onclick="x">hi</link>');
    expect(p.querySelector('script, img')).toBeNull();
    expect(p.querySelector('a')).toBeNull();
    expect(p.textContent).toBe(
      '<script>alert(1)</script><img src=x onerror="alert(2)"> and <link onclick="x">hi</link>',
    );
  });

  it('keeps markup inside a named tag as text, and an unclosed tag as text', () => {
    const p = show('<em><script>x</script></em> <link>open');
    expect(p.querySelector('strong')?.textContent).toBe('<script>x</script>');
    expect(p.querySelector('script')).toBeNull();
    expect(p.textContent).toContain('<link>open');
  });
});
