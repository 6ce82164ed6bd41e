import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type CurlData, CurlSyntaxError, curlEscape, type ParsedCurl, parseCurl } from '../../shared/curl';
import { fail } from '../../shared/errors';
import type { CurlConversion } from '../../shared/interop';
import type { KeyValue, RequestBody, RequestSpec } from '../../shared/types';

/**
 * A curl command → a RequestSpec that sends what curl sends: the same method, URL (query
 * included), headers and body bytes. Files named with `@file`/`<file` are read here, relative
 * to `cwd`, with curl's rules (`-d @f` drops CR and LF, `--data-binary @f` keeps every byte).
 */
export async function curlToRequest(command: string, cwd: string): Promise<CurlConversion> {
  let parsed: ParsedCurl;
  try {
    parsed = parseCurl(command);
  } catch (e) {
    if (e instanceof CurlSyntaxError) fail('INVALID_ARGUMENT', `Cannot read the curl command: ${e.message}`);
    throw e;
  }
  const notes = parsed.ignored.map((o) => `${o} has no effect in Tandem`);
  // curl sends header values as the command's UTF-8 bytes; the engine writes each character as one byte.
  const headers: KeyValue[] = parsed.headers.map((h) => ({ name: h.name, value: utf8Bytes(h.value) }));
  const hasHeader = (name: string) => headers.some((h) => h.name.toLowerCase() === name);

  let url = parsed.url;
  let body: RequestBody = { type: 'none' };
  let implied: string | null = null;
  const resolve = (p: string) => path.resolve(cwd, p);

  if (parsed.form.length > 0) {
    const parts: Extract<RequestBody, { type: 'multipart' }>['parts'] = [];
    for (const f of parsed.form) {
      if (f.kind === 'file') {
        parts.push({
          kind: 'file',
          name: f.name,
          path: resolve(f.path),
          ...(f.filename !== undefined ? { filename: f.filename } : {}),
          contentType: f.contentType ?? curlContentType(f.path),
        });
      } else if (f.kind === 'fieldFromFile') {
        parts.push({ kind: 'field', name: f.name, value: await readText(resolve(f.path), `-F ${f.name}=<`) });
      } else {
        if (f.contentType) notes.push(`-F ${f.name}: the part's type=${f.contentType} is not kept`);
        parts.push({ kind: 'field', name: f.name, value: f.value });
      }
    }
    body = { type: 'multipart', parts };
  } else if (parsed.data.length > 0) {
    const pieces: string[] = [];
    const single = parsed.data.length === 1 ? parsed.data[0] : undefined;
    const wholeFile =
      single &&
      !parsed.get &&
      (single.kind === 'binary' || single.kind === 'json') &&
      single.value.startsWith('@');
    for (const d of parsed.data) if (!wholeFile) pieces.push(await dataPiece(d, resolve));
    const isJson = parsed.data.some((d) => d.kind === 'json');
    if (isJson) {
      if (!hasHeader('content-type')) headers.push({ name: 'Content-Type', value: 'application/json' });
      if (!hasHeader('accept')) headers.push({ name: 'Accept', value: 'application/json' });
    }
    if (parsed.get) {
      const query = pieces.join('&');
      const hash = url.indexOf('#');
      const base = hash === -1 ? url : url.slice(0, hash);
      url = `${base}${base.includes('?') ? '&' : '?'}${query}`;
    } else {
      const typed = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
      const contentType = typed ?? 'application/x-www-form-urlencoded';
      if (wholeFile && single) {
        body = { type: 'file', path: resolve(single.value.slice(1)), contentType };
      } else {
        const text = pieces.join('&');
        body = isJsonText(contentType, text) ? { type: 'json', text } : { type: 'text', text, contentType };
      }
      implied = 'POST';
    }
  }
  if (parsed.form.length > 0) implied = 'POST';
  const method = parsed.method ?? (parsed.head ? 'HEAD' : (implied ?? 'GET'));

  const request: RequestSpec = { method: method.toUpperCase(), url, headers, body };
  if (parsed.user !== null) {
    const colon = parsed.user.indexOf(':');
    request.auth = {
      type: 'basic',
      username: colon === -1 ? parsed.user : parsed.user.slice(0, colon),
      password: colon === -1 ? '' : parsed.user.slice(colon + 1),
    };
  }
  if (parsed.cookies.length > 0) request.cookies = parsed.cookies.map((c) => ({ ...c }));
  request.options = {
    followRedirects: parsed.location,
    ...(parsed.maxRedirects !== null ? { maxRedirects: parsed.maxRedirects } : {}),
    ...(parsed.insecure ? { insecure: true } : {}),
    ...(parsed.maxTimeSeconds !== null ? { timeoutMs: Math.round(parsed.maxTimeSeconds * 1000) } : {}),
    ...(parsed.proxy
      ? { proxy: parsed.proxy.includes('://') ? parsed.proxy : `http://${parsed.proxy}` }
      : {}),
  };
  return { request, name: requestName(request.method, url), notes };
}

/** The text's UTF-8 bytes, one character each (what HTTP puts on the wire for a header value). */
function utf8Bytes(text: string): string {
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) > 0x7f) return Buffer.from(text, 'utf8').toString('latin1');
  return text;
}

/** The types curl 7.88 guesses for -F files by extension; anything else is application/octet-stream. */
const CURL_TYPES: Record<string, string> = {
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.htm': 'text/html',
  '.html': 'text/html',
  '.pdf': 'application/pdf',
  '.xml': 'application/xml',
};

function curlContentType(file: string): string {
  return CURL_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isJsonText(contentType: string, text: string): boolean {
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(contentType) || text.trim() === '') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function requestName(method: string, url: string): string {
  const u = URL.parse(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`);
  const where = u ? u.pathname : url;
  return `${method.toUpperCase()} ${where}`.slice(0, 200);
}

async function readBytes(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    fail('INVALID_FILE', `${what}: cannot read the file ${file}`);
  }
}

async function readText(file: string, what: string): Promise<string> {
  return (await readBytes(file, what)).toString('utf8');
}

/** One `-d`-family argument as the bytes curl puts in the body (then joined with '&'). */
async function dataPiece(d: CurlData, resolve: (p: string) => string): Promise<string> {
  const v = d.value;
  switch (d.kind) {
    case 'raw':
      return v;
    case 'ascii':
      if (v.startsWith('@')) return (await readText(resolve(v.slice(1)), `-d ${v}`)).replace(/[\r\n]/g, '');
      return v;
    case 'binary':
    case 'json':
      if (v.startsWith('@')) return readText(resolve(v.slice(1)), `--data-binary ${v}`);
      return v;
    case 'urlencode': {
      // content | =content | name=content | @file | name@file
      const eq = v.indexOf('=');
      const at = v.indexOf('@');
      if (eq === 0) return curlEscape(v.slice(1));
      if (eq > 0 && (at === -1 || eq < at)) return `${v.slice(0, eq)}=${curlEscape(v.slice(eq + 1))}`;
      if (at >= 0) {
        const content = await readText(resolve(v.slice(at + 1)), `--data-urlencode ${v}`);
        const name = v.slice(0, at);
        return name ? `${name}=${curlEscape(content)}` : curlEscape(content);
      }
      return curlEscape(v);
    }
  }
}
