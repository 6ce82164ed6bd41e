import type { ResponseRecord, SetCookieRecord, Timings } from '../../../../main/shared/types';

/** Pure decisions for the response viewer. */

export type StatusClass = 'info' | 'success' | 'redirect' | 'client' | 'server' | 'none';

export function statusClass(status: number): StatusClass {
  if (status >= 100 && status < 200) return 'info';
  if (status >= 200 && status < 300) return 'success';
  if (status >= 300 && status < 400) return 'redirect';
  if (status >= 400 && status < 500) return 'client';
  if (status >= 500 && status < 600) return 'server';
  return 'none';
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatMs(ms: number): string {
  if (ms < 1) return '<1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Above this many characters the body is shown as received (no pretty-printing on the UI thread). */
export const PRETTY_LIMIT = 2 * 1024 * 1024;

export type BodyPresentation =
  | { kind: 'empty' }
  | {
      kind: 'text';
      text: string;
      language: 'json' | 'html' | 'text';
      pretty: boolean;
      tooLargeToFormat: boolean;
    }
  | { kind: 'image'; dataUrl: string }
  | { kind: 'binary'; bytes: number };

const mime = (ct: string | null) => (ct ?? '').split(';')[0].trim().toLowerCase();

export function isJsonType(ct: string | null): boolean {
  const m = mime(ct);
  return m === 'application/json' || m.endsWith('+json') || m === 'text/json';
}

export function isHtmlType(ct: string | null): boolean {
  const m = mime(ct);
  return m === 'text/html' || m === 'application/xhtml+xml';
}

export function isImageType(ct: string | null): boolean {
  return mime(ct).startsWith('image/');
}

function looksLikeJson(text: string): boolean {
  const c = text.trimStart()[0];
  return c === '{' || c === '[';
}

/** How to show a body in the Body tab. `pretty` = reformat JSON; never for huge bodies. */
export function presentBody(
  rec: Pick<ResponseRecord, 'body' | 'bodyEncoding' | 'contentType' | 'size'>,
  mode: 'pretty' | 'raw',
  limit = PRETTY_LIMIT,
): BodyPresentation {
  if (rec.bodyEncoding === 'base64') {
    if (isImageType(rec.contentType))
      return { kind: 'image', dataUrl: `data:${mime(rec.contentType)};base64,${rec.body}` };
    return { kind: 'binary', bytes: rec.size };
  }
  if (rec.body.length === 0) return { kind: 'empty' };
  const json = isJsonType(rec.contentType) || (!rec.contentType && looksLikeJson(rec.body));
  const language = json ? 'json' : isHtmlType(rec.contentType) ? 'html' : 'text';
  const tooLarge = rec.body.length > limit;
  if (json && mode === 'pretty' && !tooLarge) {
    try {
      return {
        kind: 'text',
        text: JSON.stringify(JSON.parse(rec.body), null, 2),
        language,
        pretty: true,
        tooLargeToFormat: false,
      };
    } catch {
      /* not valid JSON after all: show it as received */
    }
  }
  return { kind: 'text', text: rec.body, language, pretty: false, tooLargeToFormat: json && tooLarge };
}

/** Segments of the timing bar as percentages of the total: connect, waiting (to first byte), download. */
export function timingSegments(
  t: Timings,
): Array<{ name: 'connect' | 'waiting' | 'download'; ms: number; pct: number }> {
  const total = Math.max(t.total, 0.001);
  const connect = Math.max(0, Math.min(t.connect, t.total));
  const ttfb = Math.max(connect, Math.min(t.ttfb, t.total));
  const parts = [
    { name: 'connect' as const, ms: connect },
    { name: 'waiting' as const, ms: ttfb - connect },
    { name: 'download' as const, ms: t.total - ttfb },
  ];
  return parts.map((p) => ({ ...p, pct: (p.ms / total) * 100 }));
}

export function outcomeTone(o: SetCookieRecord['outcome']): 'success' | 'warning' | 'danger' | 'info' {
  return o === 'stored' ? 'success' : o === 'deleted' ? 'info' : o === 'rejected' ? 'danger' : 'warning';
}

/** The Set-Cookie name for a record whose cookie could not be parsed. */
export function setCookieName(r: SetCookieRecord): string {
  if (r.cookie) return r.cookie.name;
  const eq = r.raw.indexOf('=');
  return eq > 0 ? r.raw.slice(0, eq).trim() : r.raw.split(';')[0].trim();
}
