import { countOf } from '../../shared/text';

/**
 * What to do with a response that may be a redirect. Pure: no I/O.
 * Method rewriting follows the Fetch standard (what browsers do):
 *   303 → GET without body (HEAD stays HEAD);
 *   301/302 after POST → GET without body; other methods keep method and body;
 *   307/308 → same method, same body.
 * Authorization is dropped when the redirect leaves the origin (curl and browsers do the same).
 */

export interface RedirectInput {
  status: number;
  method: string;
  /** The URL this hop was sent to. */
  url: string;
  /** Raw Location header, or null. */
  location: string | null;
  followRedirects: boolean;
  /** Redirects already followed before this response. */
  followed: number;
  maxRedirects: number;
}

export type RedirectDecision =
  | {
      kind: 'follow';
      method: string;
      url: string;
      /** true: the next hop sends no body and no content-* headers. */
      dropBody: boolean;
      /** true: the next hop goes to another origin; Authorization is not sent. */
      crossOrigin: boolean;
    }
  | {
      kind: 'stop';
      reason: 'not-redirect' | 'disabled' | 'no-location' | 'unsupported-scheme';
      /** Resolved Location, when there is one. */
      location?: string;
    }
  | { kind: 'error'; code: 'TOO_MANY_REDIRECTS' | 'INVALID_URL'; message: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function decideRedirect(input: RedirectInput): RedirectDecision {
  if (!REDIRECTS.has(input.status)) return { kind: 'stop', reason: 'not-redirect' };
  if (input.location === null || input.location.trim() === '') return { kind: 'stop', reason: 'no-location' };
  const target = URL.parse(input.location.trim(), input.url);
  if (!target)
    return {
      kind: 'error',
      code: 'INVALID_URL',
      message: `Invalid redirect Location "${input.location}" from ${input.url}`,
    };
  if (!input.followRedirects) return { kind: 'stop', reason: 'disabled', location: target.href };
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    return { kind: 'stop', reason: 'unsupported-scheme', location: target.href };
  if (input.followed >= input.maxRedirects)
    return {
      kind: 'error',
      code: 'TOO_MANY_REDIRECTS',
      message: `Stopped after ${countOf(input.maxRedirects, 'redirect')}`,
    };
  const method = input.method.toUpperCase();
  let next = input.method;
  let dropBody = false;
  if (input.status === 303 && method !== 'HEAD' && method !== 'GET') {
    next = 'GET';
    dropBody = true;
  } else if ((input.status === 301 || input.status === 302) && method === 'POST') {
    next = 'GET';
    dropBody = true;
  } else if (input.status === 303) {
    dropBody = true;
  }
  const from = URL.parse(input.url);
  return {
    kind: 'follow',
    method: next,
    url: target.href,
    dropBody,
    crossOrigin: from === null || from.origin !== target.origin,
  };
}
