import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../../shared/errors';
import { substitute } from '../../shared/substitute';
import type { RequestBody } from '../../shared/types';

/**
 * Request bodies: validated and variable-substituted once (`prepareBody`), then turned into a
 * fresh undici body for every hop (`bodyForHop`), so 307/308 redirects can resend file bodies.
 */

type Segment = Buffer | { path: string; size: number };

export type BodySource =
  | { kind: 'none' }
  | { kind: 'bytes'; data: Buffer }
  | { kind: 'file'; path: string; size: number }
  | { kind: 'multipart'; segments: Segment[] };

export interface PreparedBody {
  source: BodySource;
  /** Content-Type the body implies (used when the user set none). */
  contentType: string | null;
  /** Exact byte length, or null when there is no body. */
  length: number | null;
}

/** The prepared form of "no body" (shared: never mutated). */
export const NONE: PreparedBody = { source: { kind: 'none' }, contentType: null, length: null };

async function fileSize(filePath: string, what: string): Promise<number> {
  if (!filePath) fail('INVALID_FILE', `No file chosen for ${what}`);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(filePath);
  } catch {
    fail('INVALID_FILE', `File not found: ${filePath}`);
  }
  if (!info.isFile()) fail('INVALID_FILE', `Not a file: ${filePath}`);
  return Number(info.size);
}

function bytes(text: string, contentType: string): PreparedBody {
  const data = Buffer.from(text, 'utf8');
  return { source: { kind: 'bytes', data }, contentType, length: data.length };
}

export async function prepareBody(
  body: RequestBody | undefined,
  vars: Readonly<Record<string, string>>,
): Promise<PreparedBody> {
  if (!body) return NONE;
  switch (body.type) {
    case 'none':
      return NONE;
    case 'text':
      return bytes(substitute(body.text, vars, 'body'), body.contentType || 'text/plain;charset=utf-8');
    case 'json': {
      const text = substitute(body.text, vars, 'body');
      if (text.trim() === '') return NONE;
      try {
        JSON.parse(text);
      } catch (e) {
        fail('INVALID_BODY', `Invalid JSON body: ${e instanceof Error ? e.message : String(e)}`);
      }
      return bytes(text, 'application/json');
    }
    case 'form': {
      const params = new URLSearchParams();
      for (const f of body.fields) {
        if (f.enabled === false) continue;
        if (f.name === '' && f.value === '') continue;
        const name = substitute(f.name, vars, `form field ${f.name}`);
        params.append(name, substitute(f.value, vars, `form field ${name}`));
      }
      return bytes(params.toString(), 'application/x-www-form-urlencoded');
    }
    case 'multipart':
      return prepareMultipart(body.parts, vars);
    case 'file': {
      const filePath = substitute(body.path, vars, 'body file path');
      const size = await fileSize(filePath, 'the body');
      return {
        source: { kind: 'file', path: filePath, size },
        contentType: body.contentType || guessContentType(filePath),
        length: size,
      };
    }
    default:
      fail('INVALID_BODY', `Unknown body type "${(body as { type: string }).type}"`);
  }
}

type MultipartPart = Extract<RequestBody, { type: 'multipart' }>['parts'][number];

/** Quotes a name for Content-Disposition the way browsers do (HTML spec: " CR LF percent-encoded). */
function quote(s: string): string {
  return s.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

async function prepareMultipart(
  parts: MultipartPart[],
  vars: Readonly<Record<string, string>>,
): Promise<PreparedBody> {
  const boundary = `----TandemFormBoundary${randomBytes(12).toString('hex')}`;
  const segments: Segment[] = [];
  let length = 0;
  const push = (s: Segment) => {
    segments.push(s);
    length += Buffer.isBuffer(s) ? s.length : s.size;
  };
  for (const part of parts) {
    if (part.enabled === false) continue;
    const name = substitute(part.name, vars, `multipart field ${part.name}`);
    if (part.kind === 'field') {
      const value = substitute(part.value, vars, `multipart field ${name}`);
      push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`,
          'utf8',
        ),
      );
      continue;
    }
    const filePath = substitute(part.path, vars, `multipart file ${name}`);
    const size = await fileSize(filePath, `multipart file ${name}`);
    const filename = part.filename || path.basename(filePath);
    const type = part.contentType || guessContentType(filePath);
    push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"; filename="${quote(filename)}"\r\nContent-Type: ${type}\r\n\r\n`,
        'utf8',
      ),
    );
    push({ path: filePath, size });
    push(Buffer.from('\r\n'));
  }
  push(Buffer.from(`--${boundary}--\r\n`));
  return {
    source: { kind: 'multipart', segments },
    contentType: `multipart/form-data; boundary=${boundary}`,
    length,
  };
}

async function* multipartStream(segments: Segment[]): AsyncGenerator<Buffer> {
  for (const s of segments) {
    if (Buffer.isBuffer(s)) yield s;
    else for await (const chunk of createReadStream(s.path)) yield chunk as Buffer;
  }
}

/** A fresh body for one hop (files are reopened every time). */
export function bodyForHop(
  source: BodySource,
): Buffer | NodeJS.ReadableStream | AsyncIterable<Buffer> | null {
  switch (source.kind) {
    case 'none':
      return null;
    case 'bytes':
      return source.data;
    case 'file':
      return createReadStream(source.path);
    case 'multipart':
      return multipartStream(source.segments);
  }
}

const TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.html': 'text/html',
  '.csv': 'text/csv',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
};

export function guessContentType(filePath: string): string {
  return TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
