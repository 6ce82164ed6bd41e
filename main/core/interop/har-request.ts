import path from 'node:path';
import type { Request as HarRequest } from 'har-format';
import { substitute } from '../../shared/substitute';
import type { KeyValue, RequestSpec } from '../../shared/types';

/**
 * A Tandem request as a HAR 1.2 request object (what httpsnippet reads and what HAR export
 * writes). `vars` substitutes `{{name}}`; pass `null` to keep the references as typed.
 */
export interface HarContext {
  vars: Readonly<Record<string, string>> | null;
  /** The profile's default headers (the request's own win). */
  profileHeaders?: readonly KeyValue[];
  /** Cookies that go out with it: the jar's for this URL, then the request's own. */
  cookies?: ReadonlyArray<{ name: string; value: string }>;
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export function specToHarRequest(spec: RequestSpec, ctx: HarContext): HarRequest {
  const sub = (text: string, where: string) => (ctx.vars ? substitute(text, ctx.vars, where) : text);
  const rawUrl = sub(spec.url, 'URL').trim();
  const url = HAS_SCHEME.test(rawUrl) ? rawUrl : `http://${rawUrl}`;
  const parsed = URL.parse(url);
  const queryString = parsed ? [...parsed.searchParams].map(([name, value]) => ({ name, value })) : [];

  const own = enabled(spec.headers).map((h) => ({
    name: sub(h.name, 'header'),
    value: sub(h.value, 'header'),
  }));
  const ownNames = new Set(own.map((h) => h.name.toLowerCase()));
  const headers = [
    ...enabled(ctx.profileHeaders ?? [])
      .map((h) => ({ name: sub(h.name, 'profile header'), value: sub(h.value, 'profile header') }))
      .filter((h) => !ownNames.has(h.name.toLowerCase())),
    ...own,
  ];
  const auth = spec.auth;
  if (auth && auth.type !== 'none' && !ownNames.has('authorization')) {
    const value =
      auth.type === 'basic'
        ? `Basic ${Buffer.from(`${sub(auth.username, 'auth')}:${sub(auth.password, 'auth')}`).toString('base64')}`
        : `Bearer ${sub(auth.token, 'auth')}`;
    headers.push({ name: 'Authorization', value });
  }
  const cookies = [
    ...(ctx.cookies ?? []),
    ...enabled(spec.cookies ?? []).map((c) => ({
      name: sub(c.name, 'cookie'),
      value: sub(c.value, 'cookie'),
    })),
  ].map((c) => ({ name: c.name, value: c.value }));

  const har: HarRequest = {
    method: sub(spec.method, 'method').toUpperCase(),
    url,
    httpVersion: 'HTTP/1.1',
    cookies,
    headers,
    queryString,
    headersSize: -1,
    bodySize: -1,
  };
  const typed = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  const body = spec.body;
  switch (body.type) {
    case 'none':
      break;
    case 'text':
      har.postData = {
        mimeType: typed ?? body.contentType ?? 'text/plain',
        text: sub(body.text, 'body'),
      };
      break;
    case 'json':
      har.postData = { mimeType: typed ?? 'application/json', text: sub(body.text, 'body') };
      break;
    case 'form': {
      const params = enabled(body.fields).map((f) => ({
        name: sub(f.name, 'form'),
        value: sub(f.value, 'form'),
      }));
      har.postData = {
        mimeType: 'application/x-www-form-urlencoded',
        params,
      };
      break;
    }
    case 'multipart':
      har.postData = {
        mimeType: 'multipart/form-data',
        params: body.parts
          .filter((p) => p.enabled !== false)
          .map((p) =>
            p.kind === 'field'
              ? { name: sub(p.name, 'form'), value: sub(p.value, 'form') }
              : ({
                  name: sub(p.name, 'form'),
                  fileName: sub(p.path, 'file'),
                  ...(p.contentType ? { contentType: p.contentType } : {}),
                } as { name: string; fileName: string; contentType?: string }),
          ),
      };
      break;
    case 'file':
      har.postData = {
        mimeType: typed ?? body.contentType ?? 'application/octet-stream',
        text: '',
        _file: path.resolve(sub(body.path, 'body file')),
      } as HarRequest['postData'];
      break;
  }
  // A multipart Content-Type typed without its boundary would break the generated code.
  if (body.type === 'multipart')
    har.headers = har.headers.filter((h) => h.name.toLowerCase() !== 'content-type');
  return har;
}

function enabled<T extends { enabled?: boolean; name: string; value?: string }>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.enabled !== false && !(r.name === '' && (r.value ?? '') === ''));
}
