import type { ConsentStore } from './consent-store-types';
import {
  addressProblem,
  findService,
  type GatedScript,
  insertScript,
  onPage,
  serviceGranted,
  watchWithdrawal,
} from './script-internals';
import { warn } from './warn';

export type { GatedScript } from './script-internals';

const noop = () => {};

/**
 * Runs a service's script once its category is granted, and never before: inserted once per page however
 * often it is asked for (a component mounted twice, StrictMode), with the nonce given, `async` by default,
 * https only and only from a host the service declares. A script cannot be unloaded: on withdrawal the
 * service's declared storage is deleted (the storage cleanup) and its `onWithdraw` runs. Returns the
 * function that stops waiting for the grant (a script already running stays).
 */
export function gateScript(store: ConsentStore<string>, script: GatedScript): () => void {
  if (typeof document === 'undefined') return noop;
  const service = findService(store, script.service);
  const problem = !service
    ? `there is no service "${script.service}" in the policy`
    : (script.src === undefined) === (script.code === undefined)
      ? 'give either src or code'
      : script.src !== undefined
        ? addressProblem(script.src, service)
        : null;
  if (problem || !service) {
    if (process.env.NODE_ENV !== 'production') warn(`gateScript: ${problem}, so the script never runs.`);
    return noop;
  }
  const key = script.src !== undefined ? `src ${new URL(script.src).href}` : `code ${script.code}`;
  const run = () => {
    if (onPage.has(key) || !serviceGranted(store, service)) return;
    onPage.add(key);
    // A script of the same address already on the page (the page's own markup) is not run twice.
    if (!(script.src !== undefined && [...document.scripts].some((element) => `src ${element.src}` === key))) {
      insertScript(script, service);
    }
    watchWithdrawal(store, service);
  };
  const unsubscribe = store.subscribe(run);
  run();
  return unsubscribe;
}
