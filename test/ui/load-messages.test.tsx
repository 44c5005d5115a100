import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadedMessages } from '../../src/i18n/load-messages';
import { findBanner, renderShop } from './render-shop';

describe('texts on demand', () => {
  it('given a Finnish visitor / only the Finnish texts are loaded; English ones load when the visitor switches', async () => {
    const { user } = renderShop({ language: 'fi' });
    await findBanner('Evästeet ja yksityisyytesi');
    expect(loadedMessages('fi')).toBeDefined();
    expect(loadedMessages('en')).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'English' }));
    await findBanner('Cookies and your privacy');
    expect(loadedMessages('en')?.banner.acceptAll).toBe('Accept all');
  });
});
