import { type AnchorHTMLAttributes, createContext, type MouseEvent, useContext, useSyncExternalStore } from 'react';

/**
 * A small router on the History API: the shop's pages are client-side routes, and any path also loads
 * directly because the server falls back to index.html.
 */
const NAVIGATE = 'shop:navigate';

function subscribe(listener: () => void) {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE, listener);
  };
}

const currentPath = () => window.location.pathname;

function useHistoryPath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

function historyNavigate(to: string): void {
  if (to === window.location.pathname) return;
  window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATE));
}

export interface Router {
  /** A hook: the current path. */
  usePath(): string;
  navigate(to: string): void;
}

/** The browser's address bar. Storybook swaps in a router kept in memory. */
export const historyRouter: Router = { usePath: useHistoryPath, navigate: historyNavigate };

export const RouterContext = createContext<Router>(historyRouter);

export function usePath(): string {
  return useContext(RouterContext).usePath();
}

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** An ordinary link that changes page without a reload; modified clicks (new tab, download) stay the browser's. */
export function Link({ href, onClick, ...props }: LinkProps) {
  const { navigate } = useContext(RouterContext);
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handleClick} {...props} />;
}

/** The shop's languages, Finnish first: the one at the root of its addresses. */
export const LANGUAGES = ['fi', 'en', 'sv'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where a page lives: Finnish at the root, English under /en, Swedish under /sv. */
export interface Route {
  language: Language;
  /** The path without the language prefix, always starting with '/'. */
  page: string;
}

export function parsePath(path: string): Route {
  for (const language of LANGUAGES.slice(1)) {
    const prefix = `/${language}`;
    if (path === prefix || path.startsWith(`${prefix}/`)) return { language, page: path.slice(prefix.length) || '/' };
  }
  return { language: 'fi', page: path || '/' };
}

export function pathFor(language: Language, page: string): string {
  if (language === LANGUAGES[0]) return page;
  return page === '/' ? `/${language}` : `/${language}${page}`;
}
