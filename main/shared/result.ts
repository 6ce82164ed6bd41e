import type { PartialResponse } from './limits';

/**
 * What every call returns: a value, or a one-line error with a code. Kept apart from ./types.ts so
 * the other shared files can name error codes without importing the whole domain.
 */

export type ErrorCode =
  | 'INVALID_URL'
  | 'INVALID_HEADER'
  | 'INVALID_COOKIE'
  | 'INVALID_BODY'
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_VARIABLE'
  | 'UNKNOWN_PROFILE'
  | 'PROFILE_EXISTS'
  | 'INVALID_PROFILE_NAME'
  | 'NOT_FOUND'
  | 'DNS_FAILURE'
  | 'CONNECTION_REFUSED'
  | 'CONNECTION_RESET'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'TLS_FAILURE'
  | 'TOO_MANY_REDIRECTS'
  | 'NETWORK_ERROR'
  /** The server's answer broke HTTP (a bad byte in a header, too many or too large headers). */
  | 'INVALID_RESPONSE'
  | 'STORE_CORRUPT'
  | 'STORE_IO'
  | 'INVALID_FILE'
  | 'UNAUTHORIZED'
  /** A check the user asked for did not hold (an access-matrix expectation). */
  | 'CHECK_FAILED'
  | 'INTERNAL';

/** Codes of failures found before anything was sent (the draft itself is wrong): "not sent", not "failed". */
const NOT_SENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'INVALID_URL',
  'INVALID_HEADER',
  'INVALID_COOKIE',
  'INVALID_BODY',
  'INVALID_ARGUMENT',
  'UNKNOWN_VARIABLE',
  'UNKNOWN_PROFILE',
  'INVALID_PROFILE_NAME',
]);

/** Whether an error with this code means the request never left (it was refused before sending). */
export function wasNotSent(code: ErrorCode): boolean {
  return NOT_SENT.has(code);
}

export interface TandemError {
  code: ErrorCode;
  /** One line, readable by a user; never a stack trace. */
  message: string;
  /** INVALID_RESPONSE: the raw status line and headers as far as they were read. */
  partial?: PartialResponse;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: TandemError };
