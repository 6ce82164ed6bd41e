import { type MultiDict, multiDict } from './http';
import { HttpError, type ParsedBody, type Upload } from './types';

export type { ParsedBody, Upload };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function textOrDataUrl(bytes: Uint8Array, contentType: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return `data:${contentType || 'application/octet-stream'};base64,${Buffer.from(bytes).toString('base64')}`;
  }
}

function pushMulti(target: MultiDict, key: string, value: string): void {
  const prev = target[key];
  if (prev === undefined) target[key] = value;
  else target[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
}

export function mimeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || mime.endsWith('+json');
}

/** Parses a body the way httpbin does: urlencoded and multipart go to form/files, the rest to data/json. */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  const mime = mimeOf(contentType);
  const out: ParsedBody = {
    raw,
    mime,
    form: {},
    files: {},
    uploads: [],
    data: '',
    json: null,
    jsonError: null,
  };
  if (mime === 'application/x-www-form-urlencoded') {
    out.form = multiDict(new URLSearchParams(raw.toString('utf8')));
    return out;
  }
  if (mime === 'multipart/form-data') {
    let fd: FormData;
    try {
      fd = await new Response(new Uint8Array(raw), {
        headers: { 'content-type': contentType ?? '' },
      }).formData();
    } catch (e) {
      throw new HttpError(400, `Malformed multipart body: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const [name, value] of fd.entries()) {
      if (typeof value === 'string') {
        pushMulti(out.form, name, value);
        continue;
      }
      const bytes = new Uint8Array(await value.arrayBuffer());
      pushMulti(out.files, name, textOrDataUrl(bytes, value.type));
      out.uploads.push({
        field: name,
        filename: value.name,
        size: bytes.byteLength,
        contentType: value.type,
      });
    }
    return out;
  }
  if (raw.length === 0) return out;
  out.data = textOrDataUrl(raw, mime);
  try {
    out.json = JSON.parse(raw.toString('utf8'));
  } catch (e) {
    if (isJsonMime(mime)) out.jsonError = e instanceof Error ? e.message : String(e);
  }
  return out;
}

/**
 * Flat string fields from a form, multipart or JSON-object body, for endpoints that take
 * named inputs (login, notes). Malformed JSON or a non-object JSON body is a 400.
 */
export function fieldsOf(body: ParsedBody): Record<string, string> {
  if (body.jsonError) throw new HttpError(400, `Malformed JSON body: ${body.jsonError}`);
  const out: Record<string, string> = {};
  if (isJsonMime(body.mime) || (body.json !== null && body.mime === '')) {
    if (body.json === null || typeof body.json !== 'object' || Array.isArray(body.json))
      throw new HttpError(400, 'JSON body must be an object');
    for (const [k, v] of Object.entries(body.json as Record<string, unknown>)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    }
    return out;
  }
  for (const [k, v] of Object.entries(body.form)) out[k] = Array.isArray(v) ? v[0] : v;
  return out;
}
