/**
 * Stands in for Google's gtag.js, which cannot be fetched here. Like the real tag it reads only
 * `arguments` objects from `dataLayer` (plain arrays are ignored), keeps the Consent Mode state, sets
 * `_ga` and `_ga_<id>` cookies only while `analytics_storage` is granted, and sends a page view to
 * region1.google-analytics.com for every `config` and `event` command.
 */
export const FAKE_GTAG_JS = `(() => {
  const w = window;
  const dl = (w.dataLayer = w.dataLayer || []);
  const state = {};
  const ids = [];
  const isArgs = (entry) => Object.prototype.toString.call(entry) === '[object Arguments]';
  const setCookies = () => {
    if (state.analytics_storage !== 'granted') return;
    const age = '; path=/; max-age=63072000; samesite=lax';
    if (!/(^|; )_ga=/.test(document.cookie)) {
      document.cookie = '_ga=GA1.1.' + Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000) + age;
    }
    for (const id of ids) document.cookie = '_ga_' + id.replace(/^G-/, '') + '=GS1.1.' + Date.now() + age;
  };
  const send = (eventName) => {
    for (const id of ids) {
      const gcs = 'G1' + (state.ad_storage === 'granted' ? '1' : '0') + (state.analytics_storage === 'granted' ? '1' : '0');
      const url = 'https://region1.google-analytics.com/g/collect?v=2&tid=' + encodeURIComponent(id) +
        '&en=' + encodeURIComponent(eventName) + '&gcs=' + gcs + '&dl=' + encodeURIComponent(location.href);
      fetch(url, { method: 'POST', mode: 'no-cors', keepalive: true }).catch(() => {});
    }
  };
  const handle = (entry) => {
    if (!isArgs(entry)) return;
    const [command, a, b] = entry;
    if (command === 'consent' && b && typeof b === 'object') {
      Object.assign(state, b);
      setCookies();
    } else if (command === 'config' && typeof a === 'string') {
      if (!ids.includes(a)) ids.push(a);
      setCookies();
      send('page_view');
    } else if (command === 'event' && typeof a === 'string') {
      send(a);
    }
  };
  for (const entry of dl.slice()) handle(entry);
  const push = dl.push.bind(dl);
  dl.push = (...entries) => {
    for (const entry of entries) handle(entry);
    return push(...entries);
  };
  w.google_tag_manager = w.google_tag_manager || {};
})();`;

/** A transparent 1x1 GIF, the answer of every pixel host. */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
