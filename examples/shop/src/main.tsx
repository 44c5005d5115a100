import { StrictMode } from 'react';
import { preloadConsentBanner } from 'react-consent-policy';
import { createRoot } from 'react-dom/client';
import 'react-consent-policy/styles.css';
import 'react-consent-policy/embed.css';
import { shopPolicy, shopTexts } from '../../shop-policy';
import { App } from './app';
import { parsePath } from './router';
import './styles.css';

// A visitor who has not decided sees the banner first: its code and words start downloading now, beside the
// shop's first render rather than after it.
preloadConsentBanner(shopPolicy, { texts: shopTexts, language: parsePath(location.pathname).language });

// The nonce of the page's Content Security Policy, where the server that sends one has put it in the page
// (in place of vite.config.ts's `html.cspNonce`): the consent UI inserts Google's tag with it.
const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
const nonce = meta?.nonce && meta.nonce !== 'CSP_NONCE' ? meta.nonce : undefined;

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App nonce={nonce} />
  </StrictMode>,
);
