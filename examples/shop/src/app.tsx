import { lazy, Suspense, useLayoutEffect, useMemo, useState } from 'react';
import {
  ActivateMarkup,
  type Category,
  ConsentProvider,
  type ConsentStore,
  createConsentLogger,
} from 'react-consent-policy';
import { I18nextProvider } from 'react-i18next';
import { shopPolicy, shopTexts } from '../../shop-policy';
import { Analytics } from './analytics';
import { useCart } from './cart';
import { ConsentUi, CookieSettings } from './consent-ui';
import { createShopI18n } from './i18n';
import { CartPage } from './pages/cart-page';
import { ContactPage } from './pages/contact-page';
import { CookiesPage } from './pages/cookies-page';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { ProductPage } from './pages/product-page';
import { ProductsPage } from './pages/products-page';
import { LANGUAGES, Link, parsePath, pathFor, usePath } from './router';
import { ShopContext, type ShopContextValue, useShop } from './shop-context';

// The staff's page loads on demand: its chart and the shop's words of every language never weigh on the shop's
// own pages.
const AdminPage = lazy(() => import('./pages/admin-page').then((module) => ({ default: module.AdminPage })));

function Page({ page }: { page: string }) {
  if (page === '/') return <HomePage />;
  if (page === '/products') return <ProductsPage />;
  if (page.startsWith('/products/')) return <ProductPage id={decodeURIComponent(page.slice('/products/'.length))} />;
  if (page === '/cart') return <CartPage />;
  if (page === '/cookies') return <CookiesPage />;
  if (page === '/admin') {
    return (
      <Suspense fallback={null}>
        <AdminPage />
      </Suspense>
    );
  }
  if (page === '/contact') return <ContactPage />;
  return <NotFoundPage />;
}

function Header({ page }: { page: string }) {
  const { language, t, href, i18n } = useShop();
  const { count } = useCart();
  const current = (target: string) =>
    (target === '/' ? page === '/' : page.startsWith(target)) ? ('page' as const) : undefined;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Link href={href('/')} className="logo">
        <img src="/favicon.svg" alt="" width={32} height={32} />
        {t('shopName')}
      </Link>
      <nav aria-label={t('nav.label')}>
        <ul>
          <li>
            <Link href={href('/')} aria-current={current('/')}>
              {t('nav.home')}
            </Link>
          </li>
          <li>
            <Link href={href('/products')} aria-current={current('/products')}>
              {t('nav.products')}
            </Link>
          </li>
          <li>
            <Link href={href('/cart')} aria-current={current('/cart')}>
              {t('nav.cart')} <span className="badge">({t('cartCount', { count })})</span>
            </Link>
          </li>
        </ul>
      </nav>
      <ul className="language-links" aria-label={t('languages.label')}>
        {LANGUAGES.filter((other) => other !== language).map((other) => (
          <li key={other}>
            <Link href={pathFor(other, page)} hrefLang={other} lang={other}>
              {i18n.getFixedT(other, 'shop')('languages.own')}
            </Link>
          </li>
        ))}
      </ul>
    </header>
  );
}

function Footer() {
  const { t, href } = useShop();
  return (
    <footer className="site-footer">
      <p>{t('footer.about')}</p>
      <p>{t('footer.contact')}</p>
      <p className="footer-links">
        <Link href={href('/contact')}>{t('nav.contact')}</Link>
        <Link href={href('/cookies')}>{t('nav.cookies')}</Link>
        <CookieSettings />
      </p>
    </footer>
  );
}

/**
 * Proof of consent: every decision's record goes to the shop's consent log. A static host without that
 * endpoint answers with an error; the records then wait in the declared `consent_log_queue` and are
 * retried on later visits.
 */
const logConsent = createConsentLogger({ endpoint: '/api/consent-log' });

export interface AppProps {
  /** A consent store made elsewhere (Storybook). Default: the provider's own, kept in the consent cookie. */
  store?: ConsentStore<Category>;
  /** The page's Content Security Policy nonce, when the server sends a strict policy. */
  nonce?: string;
}

export function App({ store, nonce }: AppProps) {
  const { language, page } = parsePath(usePath());
  const [i18n] = useState(() => createShopI18n(language));
  const shop = useMemo<ShopContextValue>(
    () => ({ language, i18n, t: i18n.getFixedT(language, 'shop'), href: (target) => pathFor(language, target) }),
    [i18n, language],
  );

  // The address decides the language: the shop's texts, the consent UI and <html lang> follow it together.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [i18n, language]);

  return (
    <I18nextProvider i18n={i18n}>
      <ConsentProvider
        policy={shopPolicy}
        texts={shopTexts}
        store={store}
        i18n={i18n}
        nonce={nonce}
        onDecision={logConsent}
      >
        <ShopContext.Provider value={shop}>
          <Header page={page} />
          <main id="main" tabIndex={-1}>
            <Page page={page} />
          </main>
          <Footer />
          <ConsentUi policyHref={shop.href('/cookies')} />
          <Analytics />
          <ActivateMarkup />
        </ShopContext.Provider>
      </ConsentProvider>
    </I18nextProvider>
  );
}
