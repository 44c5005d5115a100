import type { ConsentRecord } from '../core/consent-record';
import type { Policy } from '../core/policy';
import type { RateDecision } from './rate-limit';
import { readBody } from './read-body';
import { checkRecord } from './record-check';
import type { Appended } from './record-store';

/** The largest body accepted: a record is a few hundred bytes, a policy of 64 categories under 4 KiB. */
export const MAX_BODY = 4096;

/** What the handler needs of the log. */
export interface HandlerDeps {
  readonly policy: Policy;
  readonly now: () => number;
  readonly maxClockSkew: number;
  /** Null: no rate limit. */
  readonly limit: ((request: Request) => RateDecision) | null;
  readonly append: (record: ConsentRecord, receivedAt: string) => Promise<Appended>;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

/** Whether a Content-Type is JSON: `application/json`, with parameters (`charset=utf-8`) or not. */
const isJson = (type: string | null) => type?.split(';')[0]?.trim().toLowerCase() === 'application/json';

/**
 * The consent log's Fetch API handler: one POSTed consent record per request. 201 stored, 200 stored before
 * (the logger's retry), 409 a different record under the same id and time; 405, 415, 413, 400 and 429 store
 * nothing and say why in `{ "error": … }`; 503 when the database fails (the logger tries again later).
 * Nothing of the request but the record is kept: no address, user agent or cookie.
 */
export function createHandler(deps: HandlerDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      if (request.method !== 'POST') {
        return json(405, { error: 'only POST: one consent record as JSON' }, { allow: 'POST' });
      }
      if (!isJson(request.headers.get('content-type'))) {
        return json(415, { error: 'the body must be application/json' });
      }
      const decision = deps.limit?.(request);
      if (decision && !decision.allowed) {
        return json(
          429,
          { error: 'too many records from this client' },
          { 'retry-after': String(decision.retryAfter) },
        );
      }
      const body = await readBody(request, MAX_BODY);
      if ('error' in body) {
        return body.error === 'too-large'
          ? json(413, { error: `the body must be at most ${MAX_BODY} bytes` })
          : json(400, { error: 'the body must be UTF-8' });
      }
      let value: unknown;
      try {
        value = JSON.parse(body.text);
      } catch {
        return json(400, { error: 'the body is not JSON' });
      }
      const at = deps.now();
      const checked = checkRecord(deps.policy, value, at, deps.maxClockSkew);
      if ('reason' in checked) return json(400, { error: checked.reason });
      const result = await deps.append(checked.record, new Date(at).toISOString());
      if (result === 'new') return json(201, { stored: true });
      if (result === 'repeat') return json(200, { stored: true, repeat: true });
      return json(409, { error: 'a different record with this id and decidedAt is stored already' });
    } catch {
      // The database is down or full: the logger keeps the record and tries again later.
      return json(503, { error: 'the consent log cannot store records now' }, { 'retry-after': '60' });
    }
  };
}
