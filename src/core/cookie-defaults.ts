/**
 * A cookie's `Path` and `SameSite` when nobody says otherwise: the whole site, and sent on links from other
 * sites but not on their requests. The consent cookie's defaults in `definePolicy`, and what `serializeCookie`
 * writes for attributes it is not given. Not public: the policy and `CookieAttributes` document them.
 */
export const COOKIE_DEFAULTS = { path: '/', sameSite: 'Lax' } as const;
