// The statistics of the benchmark: medians and ranges over the measured loads, and the shuffled order of the
// loads, so that a page's loads are spread over the run rather than all at one moment of the machine's load.

/** Median, min, max and count of the finite numbers among `values`; null when there are none. */
export function stats(values) {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

/** Shuffles `list` in place (Fisher-Yates) and returns it. */
export function shuffle(list) {
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

export function summarize(samples, key) {
  return stats(samples.map((sample) => sample[key]));
}

const NO_BYTES = () => ({ js: { min: 0, gzip: 0, brotli: 0 }, css: { min: 0, gzip: 0, brotli: 0 } });

/** One visitor's loads of one page: the bytes of the first load, the statistics of every metric. */
export const summarizeMode = (list) => ({
  loaded: list[0]?.loaded ?? NO_BYTES(),
  loadedFilesGzip: list[0]?.loadedFiles ?? {},
  ...Object.fromEntries(
    [
      'bannerMs',
      'scriptMs',
      'taskMs',
      'heapMB',
      'longTasks',
      'longTaskMs',
      'cls',
      'acceptToAnalyticsMs',
      'analyticsMs',
    ].map((key) => [key, summarize(list, key)]),
  ),
  bannerShownToDecided: list.some((sample) => sample.bannerShown > 0),
});

/** Every JS and CSS file a page's build wrote, on-demand chunks included. */
export function builtBytes(files, pageId) {
  const total = NO_BYTES();
  for (const file of files.values()) {
    if (file.page !== pageId) continue;
    for (const key of ['min', 'gzip', 'brotli']) total[file.type][key] += file[key];
  }
  return total;
}
