import type { i18n as I18n, TFunction } from 'i18next';
import { createContext, useContext } from 'react';
import type { Language } from './router';

export interface ShopContextValue {
  language: Language;
  /** The shop's i18next instance: its texts in every language (the language links name theirs in their own). */
  i18n: I18n;
  /** The shop's texts in `language`. */
  t: TFunction<'shop'>;
  /** The path of a page in the current language. */
  href(page: string): string;
}

export const ShopContext = createContext<ShopContextValue | null>(null);

export function useShop(): ShopContextValue {
  const value = useContext(ShopContext);
  if (!value) throw new Error('useShop() must be used inside <App>.');
  return value;
}
