import { type ReactNode, useEffect } from 'react';
import './shop.css';

/** The shop's own words, in English: every page shows these, some from the shop's i18next instance. */
export const SHOP_TEXTS = {
  brand: 'For Minis And Mommies',
  navProducts: 'Products',
  navCart: 'Cart (0)',
  heading: 'New for little ones',
  addToCart: 'Add to cart',
  footer: 'Customer service, delivery and returns, cookie settings.',
  bodysuit: 'Organic cotton bodysuit',
  blanket: 'Knitted baby blanket',
  pillow: 'Nursing pillow',
  rings: 'Wooden stacking rings',
  beanie: 'Merino wool beanie',
  book: 'Soft cloth book',
};
export type ShopKey = keyof typeof SHOP_TEXTS;
const plainText = (key: ShopKey) => SHOP_TEXTS[key];

/** The same small shop page for every library: a header, six products and a footer. */
const PRODUCTS = [
  ['bodysuit', '19.90'],
  ['blanket', '39.00'],
  ['pillow', '44.50'],
  ['rings', '14.90'],
  ['beanie', '17.00'],
  ['book', '12.50'],
] as const;

/** The shop, its words from `t` (default: the constants above). */
export function Shop({ children, t = plainText }: { children?: ReactNode; t?: (key: ShopKey) => string }) {
  return (
    <>
      <header className="shop-header">
        <strong>{t('brand')}</strong>
        <nav>
          <a href="#products">{t('navProducts')}</a> <a href="#cart">{t('navCart')}</a>
        </nav>
      </header>
      <main>
        <h1>{t('heading')}</h1>
        <ul className="shop-products" id="products">
          {PRODUCTS.map(([name, price]) => (
            <li key={name}>
              <div className="shop-image" aria-hidden="true" />
              <h2>{t(name)}</h2>
              <p>{price} EUR</p>
              <button type="button">{t('addToCart')}</button>
            </li>
          ))}
        </ul>
      </main>
      <footer className="shop-footer">
        <p>{t('footer')}</p>
      </footer>
      {children}
    </>
  );
}

/** The gated analytics script: a local stand-in that marks when it runs. */
export function AnalyticsScript() {
  useEffect(() => {
    const script = document.createElement('script');
    script.src = '/analytics.js';
    document.head.append(script);
    return () => script.remove();
  }, []);
  return null;
}

interface BenchHooks {
  /** Grants one category (analytics) without touching the others. */
  grantAnalytics?: () => void;
  /** Renders of a component that reads only the marketing category. */
  unrelatedRenders: number;
}

declare global {
  interface Window {
    __bench: BenchHooks;
  }
}

window.__bench ??= { unrelatedRenders: 0 };
export const bench = window.__bench;
