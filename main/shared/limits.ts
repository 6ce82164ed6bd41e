import { z } from 'zod';

/**
 * What the engine bounds, described once: the settings that set the limits (with their defaults),
 * the truncation note a response carries when its body passed the in-memory cap, the file a body was
 * streamed to, and what a failed response had shown before it broke. Pure: no Node.
 */

/** The limit settings. Every field is optional in settings.json / settings.update; defaults below. */
export const engineLimitsSchema = z.object({
  /** Body bytes (after decompression) kept in memory per response, in MB (1 MB = 1,048,576 bytes). */
  maxBodyMb: z.number().min(0.001).max(4096),
  /** Longest wait between two chunks of a response (ms; 0 = no idle limit). `timeoutMs` covers the whole exchange. */
  idleTimeoutMs: z.number().int().min(0).max(3_600_000),
  /** Largest response head (status line + headers), in KB. */
  maxHeaderKb: z.number().int().min(1).max(1024),
  /** Most header lines in one response. */
  maxHeaderCount: z.number().int().min(1).max(10_000),
  /** A cookie whose name + value is longer than this many bytes is dropped ("too large"), as browsers do. */
  maxCookieBytes: z.number().int().min(1).max(1_048_576),
  /** Cookies kept per domain; past it the least recently used go first (Chromium: 180). */
  maxCookiesPerDomain: z.number().int().min(1).max(100_000),
  /** Cookies kept per profile; past it the least recently used go first (Chromium: 3000). */
  maxCookies: z.number().int().min(1).max(1_000_000),
});

export type EngineLimits = z.infer<typeof engineLimitsSchema>;

export const DEFAULT_LIMITS: EngineLimits = {
  maxBodyMb: 50,
  idleTimeoutMs: 30_000,
  maxHeaderKb: 64,
  maxHeaderCount: 500,
  maxCookieBytes: 4096,
  maxCookiesPerDomain: 180,
  maxCookies: 3000,
};

const resolved = new WeakMap<object, EngineLimits>();

/** The limits in force: each setting, or its default (remembered per settings object; treat it as read-only). */
export function limitsOf(settings: Partial<EngineLimits> | null | undefined): EngineLimits {
  if (!settings) return DEFAULT_LIMITS;
  const known = resolved.get(settings);
  if (known) return known;
  const out = { ...DEFAULT_LIMITS };
  if (settings)
    for (const k of Object.keys(DEFAULT_LIMITS) as Array<keyof EngineLimits>) {
      const v = settings[k];
      if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
    }
  resolved.set(settings, out);
  return out;
}

export const MB = 1024 * 1024;

/**
 * Set on a ResponseRecord whose body passed the in-memory cap (`maxBodyMb`): `body` holds only the
 * first `keptBytes` bytes (after decompression). `totalBytes` is the full decoded size, or null when
 * it is not known (a compressed body is not inflated past the cap). When `spooled` is true the full
 * body is in the workspace's spool: `response.saveBody { responseId, path }` writes it to a file
 * (decompressed), in bounded memory. `message` is what to show: "Body truncated at 50 MB".
 */
export interface BodyTruncation {
  keptBytes: number;
  totalBytes: number | null;
  limitBytes: number;
  spooled: boolean;
  message: string;
}

/** Set on a ResponseRecord sent with `output`: the whole (decompressed) body went to this file, `body` is empty. */
export interface SavedBody {
  path: string;
  bytes: number;
  /** Sent with `rawOutput` and the response was content-encoded: the file holds the bytes as received, still in this encoding (e.g. `gzip`). */
  contentEncoding?: string;
}

/** What a broken response had shown before it broke: the status line and headers as far as they were read. */
export interface PartialResponse {
  /** e.g. `HTTP/1.1 200 OK`, or '' when not even that arrived. */
  statusLine: string;
  headers: Array<[string, string]>;
}

/** "50 MB", "1.5 MB", "512 KB": a byte count for a one-line message. */
export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(2))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
