import type { ErrorCode } from '../shared/types';

/**
 * Exit codes of the `tandem` command:
 * 0 — it worked (for `send`: an HTTP response arrived, whatever its status);
 * 1 — the operation failed (network, TLS, timeout, refused, too many redirects);
 * 2 — bad usage or input (unknown command/option, unknown profile, malformed URL/header/cookie/file);
 * 3 — the workspace itself is in trouble (a damaged file it needed, set aside; a file it cannot
 *     read or write).
 */
export type ExitCode = 0 | 1 | 2 | 3;

export const EXIT_OK: ExitCode = 0;
export const EXIT_FAILED: ExitCode = 1;
export const EXIT_USAGE: ExitCode = 2;
export const EXIT_WORKSPACE: ExitCode = 3;

/** Maps a core error code to the exit code the CLI ends with. Pure; every code is listed. */
export function exitCodeFor(code: ErrorCode): 1 | 2 | 3 {
  switch (code) {
    case 'INVALID_URL':
    case 'INVALID_HEADER':
    case 'INVALID_COOKIE':
    case 'INVALID_BODY':
    case 'INVALID_ARGUMENT':
    case 'UNKNOWN_VARIABLE':
    case 'UNKNOWN_PROFILE':
    case 'PROFILE_EXISTS':
    case 'INVALID_PROFILE_NAME':
    case 'NOT_FOUND':
    case 'INVALID_FILE':
      return 2;
    case 'DNS_FAILURE':
    case 'CONNECTION_REFUSED':
    case 'CONNECTION_RESET':
    case 'TIMEOUT':
    case 'CANCELLED':
    case 'TLS_FAILURE':
    case 'TOO_MANY_REDIRECTS':
    case 'NETWORK_ERROR':
    case 'INVALID_RESPONSE':
    case 'UNAUTHORIZED':
    case 'CHECK_FAILED':
    case 'INTERNAL':
      return 1;
    case 'STORE_CORRUPT':
    case 'STORE_IO':
      return 3;
    default: {
      const unknown: never = code;
      return unknown;
    }
  }
}

/** Turns any error text into the one stderr line the CLI prints: `tandem: <message>`. */
export function errorLine(message: string): string {
  const text = String(message)
    .replace(/^error:\s*/i, '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
  return `tandem: ${text || 'Unknown error'}`;
}
