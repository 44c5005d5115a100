import { isSecurePage, serializeCookie } from './cookie';

/** Where a cookie deletion is aimed: the page's host name and path. Default: the current location. */
export interface CookieScope {
  hostname: string;
  pathname: string;
}

/**
 * Deletes a first-party cookie in every variant it may have been set with. A page cannot read a cookie's
 * Domain or Path, and a deletion only hits the variant whose Domain and Path it repeats, so every
 * combination is expired: host-only, the host and each parent domain; `/` and each prefix of the path.
 */
export function deleteCookie(name: string, scope: CookieScope = location): void {
  const { hostname, pathname } = scope;
  const domains: (string | undefined)[] = [undefined];
  // An IP address has no parent domains; a name has one per dot (browsers ignore the bare top-level label).
  if (/^[\d.]+$|:/.test(hostname)) domains.push(hostname);
  else for (let at = 0; at !== -1; at = hostname.indexOf('.', at) + 1 || -1) domains.push(hostname.slice(at));
  const paths = ['/'];
  let path = '';
  for (const segment of pathname.split('/').filter(Boolean)) {
    path += `/${segment}`;
    paths.push(path, `${path}/`);
  }
  // On https the deletion is Secure too, so that `__Secure-` and `__Host-` cookies can be deleted.
  const secure = isSecurePage();
  for (const domain of domains) {
    for (const cookiePath of paths) {
      document.cookie = serializeCookie(name, '', { maxAge: 0, path: cookiePath, domain, secure });
    }
  }
}
