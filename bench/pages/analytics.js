// A local stand-in for an analytics script: it records when it runs and sets a first-party identifier.
window.__bench = window.__bench || { unrelatedRenders: 0 };
window.__bench.analyticsAt = performance.now();
document.cookie = `_ga=GA1.1.${Math.floor(Math.random() * 1e9)}; Path=/; Max-Age=3600; SameSite=Lax`;
