import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The web server's checks, as pure functions: who may call (token), through which name
 * (Host: DNS-rebinding guard) and from which page (Origin).
 */

/** The only Host header values the server answers to. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/** No Origin header (same-origin GET, curl, Node) is fine; otherwise it must be the server's own. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  const o = origin.toLowerCase();
  return o === `http://127.0.0.1:${port}` || o === `http://localhost:${port}`;
}

/** Reads `Authorization: Bearer <token>`; '' when absent or another scheme. */
export function bearerToken(header: string | undefined): string {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1] : '';
}

/** Timing-safe comparison (both sides hashed first, so lengths never leak). */
export function tokenMatches(given: string, expected: string): boolean {
  if (!given || !expected) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
