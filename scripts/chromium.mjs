// The Chromium that the benchmark and the browser tests launch, and how: one binary and one set of flags,
// so that both drive the same quiet browser.

/** CHROMIUM_PATH, else where `apt-get install chromium` puts it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, without the sandbox (Chromium run as root, as in a container, does not start with it) and without
 * the GPU. None of the browser's own chores (updates, sync, background requests) run beside the page, so that
 * the requests the tests record and the time the benchmark measures are the page's alone.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
