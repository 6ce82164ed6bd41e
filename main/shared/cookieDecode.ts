import { decodeJwt, decodeProtectedHeader } from 'jose';

/**
 * Read-only decoding of a cookie value beside its raw text: JWTs, itsdangerous signed sessions
 * (Starlette's SessionMiddleware, Flask's session, compressed or not) and Express cookie-session.
 * Signatures are never checked (Tandem does not hold the server's key): this shows what the
 * value carries, not whether it is genuine. Pure and platform-free (browser and Node alike).
 */

export interface DecodedCookie {
  kind: 'jwt' | 'itsdangerous' | 'cookie-session';
  /** What it is, for a heading: "JWT (HS256)", "Signed session (itsdangerous: Starlette, Flask)". */
  label: string;
  header?: Record<string, unknown>;
  payload: unknown;
  /** When it was signed (itsdangerous timestamp), ISO. */
  signedAt?: string;
  /** JWT `iat`, ISO. */
  issuedAt?: string;
  /** JWT `exp`, ISO (the UI counts down to it). */
  expiresAt?: string;
}

const B64URL = /^[A-Za-z0-9_-]+$/;
const B64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

function bytesOfBase64(text: string): Uint8Array | null {
  if (!B64.test(text)) return null;
  const std = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (std.length % 4 === 1) return null;
  try {
    const bin = atob(std + '='.repeat((4 - (std.length % 4)) % 4));
    return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

function jsonOf(bytes: Uint8Array | null): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function iso(seconds: unknown): string | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return undefined;
  const d = new Date(seconds * 1000);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function asJwt(value: string): DecodedCookie | null {
  const parts = value.split('.');
  if (parts.length !== 3 || !parts.slice(0, 2).every((p) => B64URL.test(p))) return null;
  try {
    const header = decodeProtectedHeader(value) as Record<string, unknown>;
    if (typeof header.alg !== 'string') return null;
    const payload = decodeJwt(value);
    return {
      kind: 'jwt',
      label: `JWT (${header.alg})`,
      header,
      payload,
      ...(iso(payload.iat) ? { issuedAt: iso(payload.iat) } : {}),
      ...(iso(payload.exp) ? { expiresAt: iso(payload.exp) } : {}),
    };
  } catch {
    return null;
  }
}

/** itsdangerous's timestamp: the seconds since 1970 as big-endian bytes, base64url. */
function timestampOf(part: string): string | undefined {
  if (!B64URL.test(part) || part.length > 12) return undefined;
  const bytes = bytesOfBase64(part);
  if (!bytes || bytes.length === 0 || bytes.length > 8) return undefined;
  let n = 0;
  for (const b of bytes) n = n * 256 + b;
  // Between 2000 and 2200: anything else is not a timestamp.
  return n > 946_684_800 && n < 7_258_118_400 ? iso(n) : undefined;
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array | null> {
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}

/** `payload.timestamp.signature` (Flask: `.payload…` when zlib-compressed). */
async function asItsdangerous(value: string): Promise<DecodedCookie | null> {
  const compressed = value.startsWith('.');
  const parts = (compressed ? value.slice(1) : value).split('.');
  if (parts.length !== 3) return null;
  const [data, stamp, sig] = parts;
  const signedAt = timestampOf(stamp);
  if (!signedAt || !B64URL.test(sig)) return null;
  let bytes = bytesOfBase64(data);
  if (bytes && compressed) bytes = await inflate(bytes);
  const payload = jsonOf(bytes);
  if (payload === undefined) return null;
  return {
    kind: 'itsdangerous',
    label: `Signed session (itsdangerous: Starlette, Flask${compressed ? '; zlib-compressed' : ''})`,
    payload,
    signedAt,
  };
}

/** Express cookie-session: the value is base64 JSON (its signature travels in `<name>.sig`). */
function asCookieSession(value: string): DecodedCookie | null {
  if (value.length < 4 || value.includes('.')) return null;
  const payload = jsonOf(bytesOfBase64(value));
  if (!isObject(payload)) return null;
  return { kind: 'cookie-session', label: 'Express cookie-session (base64 JSON)', payload };
}

/** Decodes a cookie value when it is one of the known formats, else null. Never throws. */
export async function decodeCookieValue(raw: string): Promise<DecodedCookie | null> {
  let value = raw.trim();
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
  try {
    if (/%[0-9A-Fa-f]{2}/.test(value)) value = decodeURIComponent(value);
  } catch {
    // Not percent-encoded after all: decode the text as it is.
  }
  if (!value) return null;
  return asJwt(value) ?? (await asItsdangerous(value)) ?? asCookieSession(value);
}

/** "expires in 4 min 10 s" / "expired 2 h ago" for an ISO date, counted from `now`. */
export function countdown(isoDate: string, now: number): string {
  const ms = Date.parse(isoDate) - now;
  const s = Math.round(Math.abs(ms) / 1000);
  const parts =
    s >= 86_400
      ? `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`
      : s >= 3600
        ? `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
        : s >= 60
          ? `${Math.floor(s / 60)} min ${s % 60} s`
          : `${s} s`;
  return ms >= 0 ? `expires in ${parts}` : `expired ${parts} ago`;
}
