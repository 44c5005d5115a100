import { StrictMode } from 'react';
import { ConsentGate, ConsentProvider, useConsent, useTrackedPixel } from 'react-consent-policy';
import { createRoot } from 'react-dom/client';
import { shopPolicy } from '../shop-policy';

function Choices() {
  const consent = useConsent();
  const pixel = useTrackedPixel({ src: 'https://pixel.adnetwork.example/view.gif?p=1' });
  return (
    <main>
      <h1>Consent: {consent.status}</h1>
      <ul>
        {shopPolicy.categoryNames.map((name) => (
          <li key={name}>
            {name}: {consent.choices[name] ? 'granted' : 'not granted'}
          </li>
        ))}
      </ul>
      <button type="button" onClick={consent.acceptAll}>
        Accept all
      </button>{' '}
      <button type="button" onClick={consent.rejectAll}>
        Reject all
      </button>{' '}
      <button type="button" onClick={consent.reset}>
        Ask again
      </button>
      <ConsentGate category="analytics" fallback={<p>Analytics is off.</p>}>
        <p>Analytics would load here.</p>
      </ConsentGate>
      {pixel}
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConsentProvider policy={shopPolicy}>
      <Choices />
    </ConsentProvider>
  </StrictMode>,
);
