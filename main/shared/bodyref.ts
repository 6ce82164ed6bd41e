/**
 * Large response bodies travel beside the JSON envelope, not inside it. When a result carries a
 * ResponseRecord whose body is at least `BODY_REF_MIN_CHARS` long, web mode answers with the
 * body emptied and a `bodyRef` in its place, and serves the text itself at `bodyPath(id)` (same
 * token). Neither side then stringifies or parses megabytes of escaped JSON; the page reads the
 * body in a worker. Pure: no Node, no DOM.
 */

export interface BodyRef {
  /** Opaque id, good for `bodyPath` while the server keeps the body (its last few). */
  id: string;
  /** Length of the body text (characters of `body` as the record had it). */
  chars: number;
}

/** A record that may carry its body by reference. */
export type MaybeBodyRef = { bodyRef?: BodyRef };

/** Bodies this long or longer go beside the envelope (512 K characters). */
export const BODY_REF_MIN_CHARS = 512 * 1024;

/** Where web mode serves a body by reference (GET, with the token). */
export function bodyPath(id: string): string {
  return `/api/body/${encodeURIComponent(id)}`;
}

/** The id in a `/api/body/<id>` path, or null for any other path. */
export function bodyIdOf(path: string): string | null {
  const prefix = '/api/body/';
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  if (!rest || rest.includes('/')) return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null;
  }
}

/** True for a value shaped like a ResponseRecord whose body should travel beside the envelope. */
export function hasLargeBody(value: unknown): value is { body: string; bodyEncoding: string } & MaybeBodyRef {
  if (!value || typeof value !== 'object') return false;
  const v = value as { body?: unknown; bodyEncoding?: unknown };
  return (
    typeof v.body === 'string' && typeof v.bodyEncoding === 'string' && v.body.length >= BODY_REF_MIN_CHARS
  );
}
