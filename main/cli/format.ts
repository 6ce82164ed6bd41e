import { describeSource, type JarCookie } from '../shared/cookieInfo';
import type { CookieView, Hop, Profile, ResponseRecord, SentCookie, SetCookieRecord } from '../shared/types';

/** What the CLI prints, as pure functions of core data. Colour is an option, never a global. */

export interface Style {
  color: boolean;
}

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
} as const;
type Paint = keyof typeof CODES;

function paint(style: Style, what: Paint, text: string): string {
  if (!style.color) return text;
  const [open, close] = CODES[what];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colorEnabled(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(isTTY);
}

function statusColor(status: number): Paint {
  if (status >= 400) return 'red';
  if (status >= 300) return 'yellow';
  return 'green';
}

/** Body text as the user should read it: JSON indented, binary described, text as is. */
export function prettyBody(record: Pick<ResponseRecord, 'body' | 'bodyEncoding' | 'contentType' | 'size'>) {
  if (record.bodyEncoding === 'base64')
    return `[binary body: ${record.size} bytes${record.contentType ? `, ${record.contentType}` : ''}]`;
  const parsed = parseJsonBody(record);
  return parsed.json ? JSON.stringify(parsed.value, null, 2) : record.body;
}

/** The body parsed when it is JSON (by content type, or by shape when there is none). */
export function parseJsonBody(
  record: Pick<ResponseRecord, 'body' | 'bodyEncoding' | 'contentType'>,
): { json: true; value: unknown } | { json: false } {
  if (record.bodyEncoding !== 'utf8' || !record.body.trim()) return { json: false };
  const type = (record.contentType ?? '').toLowerCase();
  const looksJson = /json/.test(type) || (!type && /^\s*[[{]/.test(record.body));
  if (!looksJson) return { json: false };
  try {
    return { json: true, value: JSON.parse(record.body) };
  } catch {
    return { json: false };
  }
}

function sentLine(style: Style, c: SentCookie): string {
  return `  ${paint(style, 'cyan', '→')} ${c.name}=${c.value} ${paint(style, 'dim', `(${c.source})`)}`;
}

/** `← session=abc123  Path=/; HttpOnly  [stored]`, with the reason for a rejection. */
export function setLine(style: Style, rec: SetCookieRecord): string {
  const parts = rec.raw.split(';').map((s) => s.trim());
  const pair = rec.cookie ? `${rec.cookie.name}=${rec.cookie.value}` : (parts[0] ?? rec.raw);
  const attrs = parts.slice(1).filter(Boolean).join('; ');
  const tone: Paint = rec.outcome === 'stored' ? 'green' : rec.outcome === 'rejected' ? 'red' : 'yellow';
  const outcome = rec.reason && rec.outcome === 'rejected' ? `rejected: ${rec.reason}` : rec.outcome;
  return `  ${paint(style, 'magenta', '←')} ${pair}${attrs ? `  ${attrs}` : ''}  ${paint(style, tone, `[${outcome}]`)}`;
}

function hopLocation(hop: Hop): string | undefined {
  const raw = hop.headers.find(([n]) => n.toLowerCase() === 'location')?.[1];
  return raw ?? hop.location;
}

function hopLines(style: Style, hops: Hop[]): string[] {
  const out = [paint(style, 'bold', 'Hops')];
  hops.forEach((hop, i) => {
    const loc = hopLocation(hop);
    const status = paint(style, statusColor(hop.status), String(hop.status));
    out.push(`  ${i + 1}. ${status} ${hop.method} ${hop.url}${loc ? ` → ${loc}` : ''}`);
    for (const c of hop.cookiesSent) out.push(`  ${sentLine(style, c)}`);
    for (const c of hop.cookiesSet) out.push(`  ${setLine(style, c)}`);
  });
  return out;
}

export interface ResponseFormatOptions extends Style {
  /** Also print the request line and the headers that went out. */
  verbose?: boolean;
}

/** HTTPie-like text: status line, headers, blank line, body, then cookies and hops. */
export function formatResponse(record: ResponseRecord, opts: ResponseFormatOptions): string {
  const lines: string[] = [];
  if (opts.verbose) {
    const u = new URL(record.request.url);
    lines.push(paint(opts, 'bold', `${record.request.method} ${u.pathname}${u.search} HTTP/1.1`));
    lines.push(`${paint(opts, 'cyan', 'Host')}: ${u.host}`);
    for (const [n, v] of record.request.headers) {
      if (n.toLowerCase() !== 'host') lines.push(`${paint(opts, 'cyan', n)}: ${v}`);
    }
    lines.push('');
  }
  const status = `HTTP/1.1 ${record.status} ${record.statusText}`.trimEnd();
  lines.push(paint(opts, statusColor(record.status), paint(opts, 'bold', status)));
  for (const [n, v] of record.headers) lines.push(`${paint(opts, 'cyan', n)}: ${v}`);
  lines.push('');
  const body = prettyBody(record);
  if (body) lines.push(body.replace(/\n+$/, ''), '');
  lines.push(...bodyNotes(opts, record));
  lines.push(...cookieLines(opts, record));
  if (record.hops.length > 1) lines.push(...hopLines(opts, record.hops));
  if (opts.verbose) {
    const t = record.timings;
    lines.push(
      paint(opts, 'dim', `${record.size} bytes in ${Math.round(t.total)} ms (ttfb ${Math.round(t.ttfb)} ms)`),
    );
  }
  return `${lines.join('\n')}\n`;
}

function cookieLines(style: Style, record: ResponseRecord): string[] {
  const title = `${paint(style, 'bold', 'Cookies')} ${paint(style, 'dim', `(profile ${record.profile})`)}`;
  if (!record.cookiesSent.length && !record.cookiesSet.length) return [`${title}: none sent, none set`];
  return [
    title,
    ...record.cookiesSent.map((c) => sentLine(style, c)),
    ...record.cookiesSet.map((c) => setLine(style, c)),
  ];
}

/** Where the body went (`-o`), or that it was cut at the in-memory cap. */
function bodyNotes(style: Style, record: ResponseRecord): string[] {
  const saved = record.savedTo;
  if (saved) {
    const raw = saved.contentEncoding ? ` as received, ${saved.contentEncoding}-encoded` : '';
    return [paint(style, 'dim', `Body saved to ${saved.path} (${saved.bytes} bytes${raw})`), ''];
  }
  const t = record.truncated;
  if (!t) return [];
  const total = t.totalBytes === null ? 'full size unknown' : `${t.totalBytes} bytes in all`;
  return [paint(style, 'dim', `${t.message} (${total}); use -o FILE to save the whole body`), ''];
}

/** The single JSON object `tandem send --json` prints. */
export function responseJson(record: ResponseRecord) {
  const parsed = parseJsonBody(record);
  return {
    status: record.status,
    statusText: record.statusText,
    headers: record.headers,
    body: parsed.json ? parsed.value : record.body,
    bodyEncoding: record.bodyEncoding,
    contentType: record.contentType,
    cookiesSent: record.cookiesSent,
    cookiesSet: record.cookiesSet,
    hops: record.hops,
    timings: record.timings,
    size: record.size,
    profile: record.profile,
    ...(record.truncated ? { truncated: record.truncated } : {}),
    ...(record.savedTo ? { savedTo: record.savedTo } : {}),
  };
}

/** Left-aligned columns, two spaces apart; the last column is not padded. */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function cookieFlags(c: CookieView): string {
  const flags: string[] = [];
  if (c.httpOnly) flags.push('HttpOnly');
  if (c.secure) flags.push('Secure');
  if (c.sameSite) flags.push(`SameSite=${c.sameSite}`);
  return flags.join(' ');
}

/** How a jar cookie is named outside the table: `sid (.example.com/app)`. */
function cookieLabel(c: CookieView): string {
  return `${c.name} (${c.hostOnly ? '' : '.'}${c.domain}${c.path})`;
}

/**
 * `tandem cookies list`: one row per cookie (domain cookies with a leading dot, like curl), where
 * each value came from, and the lint warnings: a `!` before a warned cookie's row and one line per
 * warning under the table, saying why it matters.
 */
export function formatCookieTable(cookies: JarCookie[], profile: string, style: Style = { color: false }) {
  if (!cookies.length) return `No cookies in profile '${profile}'\n`;
  const warned = cookies.some((c) => c.warnings.length > 0);
  const rows = [['NAME', 'VALUE', 'DOMAIN', 'PATH', 'EXPIRES', 'FLAGS', 'SOURCE']];
  for (const c of cookies) {
    rows.push([
      c.name,
      clip(c.value, 48),
      c.hostOnly ? c.domain : `.${c.domain}`,
      c.path,
      c.expires ?? 'session',
      cookieFlags(c),
      describeSource(c.source),
    ]);
  }
  // The marker gutter only when a cookie has warnings, painted after the widths are measured.
  const marker = paint(style, 'yellow', '!');
  const lines = table(warned ? rows.map((r) => [' ', ...r]) : rows)
    .split('\n')
    .map((line, i) => (i > 0 && cookies[i - 1].warnings.length ? `${marker}${line.slice(1)}` : line));
  if (warned) {
    lines.push('', paint(style, 'bold', 'Warnings'));
    for (const c of cookies)
      for (const w of c.warnings) lines.push(`  ${marker} ${cookieLabel(c)}: ${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface ProfileRow {
  profile: Profile;
  cookies: number;
}

export function formatProfileTable(rows: ProfileRow[]): string {
  const out = [['NAME', 'COLOR', 'COOKIES', 'COOKIE STORE']];
  for (const { profile, cookies } of rows)
    out.push([profile.name, profile.color, String(cookies), profile.cookieStore ? 'on' : 'off']);
  return `${table(out)}\n`;
}
