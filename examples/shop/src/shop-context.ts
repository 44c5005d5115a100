import { createContext, useContext } from 'react';
import type { Language } from './router';
import { type ShopTexts, texts } from './texts';

export interface ShopContextValue {
  language: Language;
  t: ShopTexts;
  /** The path of a page in the current language. */
  href(page: string): string;
}

export const ShopContext = createContext<ShopContextValue>({ language: 'fi', t: texts.fi, href: (page) => page });

export function useShop(): ShopContextValue {
  return useContext(ShopContext);
}
