/**
 * Stands in for Meta's fbevents.js, which cannot be fetched here. Like the real script it takes over
 * `window.fbq`, runs the queued calls in order, keeps the consent state Meta's consent API sets (`revoke`
 * until `grant`), writes `_fbp` only while granted (for 90 days, on the shop's parent domain as Meta does),
 * and sends each tracked event to www.facebook.com/tr only while granted.
 */
export const FAKE_FBEVENTS_JS = `(() => {
  const fbq = window.fbq;
  if (!fbq) return;
  let granted = false;
  const pixels = [];
  const calls = (window.__fbqCalls = window.__fbqCalls || []);
  const domain = location.hostname.split('.').slice(-2).join('.');
  const handle = (...args) => {
    calls.push(args);
    const [command, a, b] = args;
    if (command === 'consent') granted = a === 'grant';
    else if (command === 'init') pixels.push(a);
    if (!granted) return;
    try {
      if (!/(^|; )_fbp=/.test(document.cookie)) {
        document.cookie = '_fbp=fb.1.' + Date.now() + '.1; path=/; max-age=7776000; samesite=lax' +
          (/^[\\d.]+$/.test(location.hostname) ? '' : '; domain=.' + domain);
      }
    } catch {
      // A sandboxed frame has no cookies: the events still go out, as Meta's script sends them.
    }
    if (command === 'track') {
      for (const id of pixels) {
        new Image().src = 'https://www.facebook.com/tr?id=' + encodeURIComponent(id) + '&ev=' + encodeURIComponent(a) + '&noscript=1';
      }
    }
  };
  const queued = fbq.queue.splice(0);
  fbq.callMethod = handle;
  for (const args of queued) handle(...args);
})();`;

/**
 * Stands in for Google Tag Manager's gtm.js: records that the container started (its `gtm.js` event in the
 * dataLayer) and, like a container with a Google tag in it, sends a hit only while analytics_storage is
 * granted in the Consent Mode state the dataLayer holds.
 */
export const FAKE_GTM_JS = `(() => {
  const dl = (window.dataLayer = window.dataLayer || []);
  window.__gtmStarted = dl.some((entry) => entry && entry.event === 'gtm.js');
  const state = {};
  for (const entry of dl) {
    if (Object.prototype.toString.call(entry) === '[object Arguments]' && entry[0] === 'consent') Object.assign(state, entry[2]);
  }
  if (state.analytics_storage === 'granted') {
    fetch('https://www.google-analytics.com/g/collect?v=2&en=gtm_page_view', { method: 'POST', mode: 'no-cors' }).catch(() => {});
  }
})();`;
