import { TandemFailure } from '../../shared/errors';
import { describeByte, readPartial, tappedBytes } from './partial';

/**
 * Turns what undici / node:net / node:tls throw into a TandemFailure with one clear line.
 * Pure: looks only at the error and the URL it happened on.
 */

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  name?: unknown;
  cause?: unknown;
  hostname?: unknown;
  address?: unknown;
  port?: unknown;
}

function asErrorLike(e: unknown): ErrorLike | null {
  return typeof e === 'object' && e !== null ? (e as ErrorLike) : null;
}

/** The innermost error with a `code` (undici often wraps the socket error in `cause`). */
function innermostCoded(e: unknown): ErrorLike | null {
  let cur = asErrorLike(e);
  let best: ErrorLike | null = null;
  for (let depth = 0; cur && depth < 5; depth++) {
    if (typeof cur.code === 'string') best = cur;
    cur = asErrorLike(cur.cause);
  }
  return best ?? asErrorLike(e);
}

function hostPort(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname}:${port}`;
}

/** What the engine knows about the hop that failed, for clearer messages. */
export interface FailureContext {
  /** The socket the hop went on (its last bytes show what a broken response had sent). */
  socket?: object | null;
  idleTimeoutMs?: number;
  maxHeaderKb?: number;
}

/** A response that broke HTTP: name the header and the byte, carry the status line and headers read. */
function brokenResponse(e: ErrorLike, ctx: FailureContext): TandemFailure {
  const { partial, bad } = readPartial(tappedBytes(ctx.socket));
  const reason = typeof e.message === 'string' ? /\(([^)]*)\)\s*$/.exec(e.message)?.[1] : undefined;
  const where = bad
    ? bad.header
      ? `the response header ${bad.header} contains the byte ${describeByte(bad.byte)}, which HTTP forbids in a header`
      : `the response status line contains the byte ${describeByte(bad.byte)}, which HTTP forbids`
    : `the response does not follow HTTP/1.1 (${reason ?? 'parse error'})`;
  return new TandemFailure(
    'INVALID_RESPONSE',
    `Bad response: ${where}; the status line and headers read so far are kept`,
    {
      partial,
    },
  );
}

export function mapNetworkError(e: unknown, url: URL, ctx: FailureContext = {}): TandemFailure {
  if (e instanceof TandemFailure) return e;
  const outer = asErrorLike(e);
  const inner = innermostCoded(e);
  const code = typeof inner?.code === 'string' ? inner.code : '';
  const outerCode = typeof outer?.code === 'string' ? outer.code : '';
  const message = typeof inner?.message === 'string' ? inner.message : String(e);
  const host = url.hostname;

  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL')
    return new TandemFailure('DNS_FAILURE', `Could not resolve host ${host}`);
  if (code === 'ECONNREFUSED') {
    const where =
      typeof inner?.address === 'string' && typeof inner.port === 'number'
        ? `${inner.address}:${inner.port}`
        : hostPort(url);
    return new TandemFailure('CONNECTION_REFUSED', `Connection refused by ${where}`);
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'ECONNABORTED')
    return new TandemFailure('CONNECTION_RESET', `Connection to ${hostPort(url)} was reset (${message})`);
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT')
    return new TandemFailure('TIMEOUT', `Timed out connecting to ${hostPort(url)}`);
  if (code === 'UND_ERR_HEADERS_TIMEOUT')
    return new TandemFailure('TIMEOUT', `Timed out waiting for the response headers from ${hostPort(url)}`);
  if (code === 'UND_ERR_BODY_TIMEOUT')
    return new TandemFailure(
      'TIMEOUT',
      ctx.idleTimeoutMs
        ? `Timed out: no data for ${ctx.idleTimeoutMs} ms while reading the response body from ${hostPort(url)} (setting idleTimeoutMs)`
        : `Timed out reading the response body from ${hostPort(url)}`,
    );
  if (code === 'UND_ERR_HEADERS_OVERFLOW')
    return new TandemFailure(
      'INVALID_RESPONSE',
      `The response headers are larger than ${ctx.maxHeaderKb ?? 16} KB (setting maxHeaderKb) from ${hostPort(url)}`,
      { partial: readPartial(tappedBytes(ctx.socket)).partial },
    );
  if (
    outer?.name === 'HTTPParserError' ||
    (typeof outer?.message === 'string' &&
      outer.message.startsWith('Response does not match the HTTP/1.1 protocol'))
  )
    return brokenResponse(outer ?? {}, ctx);
  if (TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_'))
    return new TandemFailure(
      'TLS_FAILURE',
      `TLS certificate check failed for ${host} (${code}: ${message}); turn on "insecure" to skip certificate checks`,
    );
  if (/proxy/i.test(message) && /\b407\b/.test(message))
    return new TandemFailure(
      'NETWORK_ERROR',
      `Proxy failed for ${hostPort(url)}: it wants credentials (407 Proxy Authentication Required); give them in the proxy URL, http://user:password@host:port`,
    );
  if (code === 'UND_ERR_ABORTED' && message.startsWith('Proxy'))
    return new TandemFailure('NETWORK_ERROR', `Proxy failed for ${hostPort(url)}: ${message}`);
  if (code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR' || outer?.name === 'AbortError')
    return new TandemFailure('CANCELLED', 'Request cancelled');
  if (code === 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH')
    return new TandemFailure('INVALID_HEADER', `Content-Length does not match the body (${message})`);
  if (
    code === 'UND_ERR_INVALID_ARG' ||
    code === 'UND_ERR_NOT_SUPPORTED' ||
    outerCode === 'UND_ERR_INVALID_ARG'
  )
    return new TandemFailure('INVALID_HEADER', `Request rejected: ${message}`);
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR')
    return new TandemFailure('INVALID_FILE', `Could not read file: ${message}`);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
    return new TandemFailure('NETWORK_ERROR', `Host ${host} is unreachable`);
  return new TandemFailure('NETWORK_ERROR', `Request to ${hostPort(url)} failed: ${message}`);
}
