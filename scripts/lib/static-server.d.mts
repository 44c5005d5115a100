/** A consent record as the shop's consent log received it, with the headers that came along. */
export interface LoggedRecord {
  body: unknown;
  cookie: string | null;
  referer: string | null;
  /** The `Origin` header: `'null'` from an opaque origin (a sandboxed frame). */
  origin: string | null;
}

export interface StaticServerOptions {
  /** index.html for any other path without an extension (a single-page app's routes). Default false. */
  spaFallback?: boolean;
  /** The consent log at `CONSENT_LOG_PATH`: POST records, GET lists them. Default false. */
  consentLog?:
    | boolean
    | ((request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void);
  /** URL path -> absolute path of a file served there. */
  routes?: Record<string, string>;
  /** `cache-control: no-store` on every file. Default true. */
  noStore?: boolean;
}

export interface StaticServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  port: number;
  /** What the consent log received so far. */
  logged: LoggedRecord[];
  close(): Promise<void>;
}

export declare const CONTENT_TYPES: Readonly<Record<string, string>>;
export declare const CONSENT_LOG_PATH: string;
export declare function serveStatic(root: string, options?: StaticServerOptions): Promise<StaticServer>;
