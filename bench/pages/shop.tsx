import { type ReactNode, useEffect } from 'react';
import './shop.css';

/** The same small shop page for every library: a header, six products and a footer. */
const PRODUCTS = [
  ['Organic cotton bodysuit', '19.90'],
  ['Knitted baby blanket', '39.00'],
  ['Nursing pillow', '44.50'],
  ['Wooden stacking rings', '14.90'],
  ['Merino wool beanie', '17.00'],
  ['Soft cloth book', '12.50'],
] as const;

export function Shop({ children }: { children?: ReactNode }) {
  return (
    <>
      <header className="shop-header">
        <strong>For Minis And Mommies</strong>
        <nav>
          <a href="#products">Products</a> <a href="#cart">Cart (0)</a>
        </nav>
      </header>
      <main>
        <h1>New for little ones</h1>
        <ul className="shop-products" id="products">
          {PRODUCTS.map(([name, price]) => (
            <li key={name}>
              <div className="shop-image" aria-hidden="true" />
              <h2>{name}</h2>
              <p>{price} EUR</p>
              <button type="button">Add to cart</button>
            </li>
          ))}
        </ul>
      </main>
      <footer className="shop-footer">
        <p>Customer service, delivery and returns, cookie settings.</p>
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
