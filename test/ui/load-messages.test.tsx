import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadedMessages } from '../../src/i18n/load-messages';
import { CONSENT_WORDS } from '../consent-words';
import { findBanner, renderShop } from './render-shop';

describe('texts on demand', () => {
  it('given a Finnish visitor / only the Finnish texts are loaded; English ones load when the visitor switches', async () => {
    const { user } = renderShop({ language: 'fi' });
    const { fi, en } = CONSENT_WORDS;
    await findBanner(fi.banner);
    expect(loadedMessages('fi')).toBeDefined();
    expect(loadedMessages('en')).toBeUndefined();
    await user.click(screen.getByRole('button', { name: fi.english }));
    await findBanner(en.banner);
    expect(loadedMessages('en')?.banner.acceptAll).toBe(en.acceptAll);
  });
});
