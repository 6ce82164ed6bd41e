import type { KeyValue } from '../../../../main/shared/types';

/**
 * Query params ↔ URL, both ways, on the raw text (no URL parsing, so {{variables}} and
 * unusual hosts survive). Values are shown as written in the URL; only the characters that
 * would break the query structure are escaped when writing back.
 */

interface UrlParts {
  base: string;
  query: string | null;
  hash: string;
}

export function splitUrl(url: string): UrlParts {
  const hashAt = url.indexOf('#');
  const hash = hashAt >= 0 ? url.slice(hashAt) : '';
  const rest = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const q = rest.indexOf('?');
  if (q < 0) return { base: rest, query: null, hash };
  return { base: rest.slice(0, q), query: rest.slice(q + 1), hash };
}

/** The query params of a URL, in order, repeated names kept. */
export function parseParams(url: string): KeyValue[] {
  const { query } = splitUrl(url);
  if (!query) return [];
  return query
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? { name: pair, value: '' } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
    });
}

const escapeName = (s: string) => s.replace(/[&#=]/g, (c) => encodeURIComponent(c));
const escapeValue = (s: string) => s.replace(/[&#]/g, (c) => encodeURIComponent(c));

/** The URL with its query replaced by these params (disabled and empty-named rows left out). */
export function withParams(url: string, params: KeyValue[]): string {
  const { base, hash } = splitUrl(url);
  const pairs = params
    .filter((p) => p.enabled !== false && (p.name !== '' || p.value !== ''))
    .map((p) =>
      p.value === '' && p.name !== '' ? escapeName(p.name) : `${escapeName(p.name)}=${escapeValue(p.value)}`,
    );
  return pairs.length ? `${base}?${pairs.join('&')}${hash}` : `${base}${hash}`;
}
