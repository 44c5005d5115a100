import type { ComponentProps } from 'react';
import { shopPolicy, shopTexts } from '../../examples/shop-policy';
import { ConsentBanner, ConsentProvider, CookieSettingsButton, PreferencesDialog } from '../../src/index';

/**
 * A page of the shop as the app mounts it, in the browser and on the server alike: banner, page content,
 * the footer's settings button, dialog.
 */
export function ShopPage({ children, ...provider }: Omit<ComponentProps<typeof ConsentProvider>, 'policy'>) {
  return (
    <ConsentProvider policy={shopPolicy} texts={shopTexts} {...provider}>
      <ConsentBanner policyHref="/cookies" />
      <header>
        <a href="/">For Minis And Mommies</a>
      </header>
      <main>
        <h1>Shop</h1>
        <a href="#products">Products</a>
        {children}
      </main>
      <footer>
        <CookieSettingsButton />
      </footer>
      <PreferencesDialog />
    </ConsentProvider>
  );
}
