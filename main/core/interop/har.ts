import type { Entry, Har } from 'har-format';
import { z } from 'zod';
import { fail } from '../../shared/errors';
import type { ImportPreview } from '../../shared/interop';
import { countOf, issueLine } from '../../shared/text';
import type { HistoryEntry, KeyValue, RequestBody, RequestSpec } from '../../shared/types';
import { requestName } from './curl';
import { specToHarRequest } from './har-request';

/**
 * HAR 1.2 (what browsers' DevTools "Save all as HAR" writes) → one collection, and history → HAR.
 * The browser's cookies are not saved into the requests (they are a session): they come back
 * in `cookies` so the caller can put them into a profile's jar when the user asks.
 */

const nv = z.object({ name: z.string(), value: z.string() }).passthrough();
const harSchema = z.object({
  log: z.object({
    version: z.string().optional(),
    entries: z.array(
      z
        .object({
          request: z
            .object({
              method: z.string().min(1),
              url: z.string(),
              headers: z.array(nv).default([]),
              cookies: z.array(nv).default([]),
              queryString: z.array(nv).optional(),
              postData: z
                .object({
                  mimeType: z.string().default(''),
                  text: z.string().optional(),
                  params: z
                    .array(
                      z
                        .object({
                          name: z.string(),
                          value: z.string().optional(),
                          fileName: z.string().optional(),
                          contentType: z.string().optional(),
                        })
                        .passthrough(),
                    )
                    .optional(),
                })
                .passthrough()
                .optional(),
            })
            .passthrough(),
        })
        .passthrough(),
    ),
  }),
});

/** Headers the browser or the connection writes; the engine sets its own. */
const DROP = new Set([
  'host',
  'content-length',
  'connection',
  'cookie',
  'accept-encoding',
  'keep-alive',
  'transfer-encoding',
]);

export function parseHarText(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    fail('INVALID_FILE', `Not a HAR file: invalid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

export function importHar(raw: unknown, name?: string): ImportPreview {
  const parsed = harSchema.safeParse(raw);
  if (!parsed.success) {
    fail('INVALID_FILE', issueLine('Not a HAR 1.2 file', parsed.error));
  }
  const preview: ImportPreview = {
    format: 'har',
    name: name?.trim() || 'HAR import',
    folders: [],
    requests: [],
    variables: [],
    skipped: [],
    cookies: [],
  };
  const seenCookie = new Set<string>();
  parsed.data.log.entries.forEach((entry, i) => {
    const at = `log.entries[${i}].request`;
    const r = entry.request;
    const url = URL.parse(r.url);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      preview.skipped.push({ where: `${at}.url`, reason: `'${r.url.slice(0, 60)}' is not an http(s) URL` });
      return;
    }
    const headers: KeyValue[] = [];
    const cookies = [...r.cookies.map((c) => ({ name: c.name, value: c.value }))];
    for (const h of r.headers) {
      const lower = h.name.toLowerCase();
      if (lower === 'cookie' && cookies.length === 0)
        for (const pair of h.value.split(';')) {
          const eq = pair.indexOf('=');
          if (eq > 0) cookies.push({ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() });
        }
      if (h.name.startsWith(':') || DROP.has(lower)) continue;
      headers.push({ name: h.name, value: h.value });
    }
    for (const c of cookies) {
      const key = `${url.hostname}\n${c.name}`;
      if (seenCookie.has(key)) continue;
      seenCookie.add(key);
      preview.cookies.push({ name: c.name, value: c.value, domain: url.hostname, path: '/' });
    }
    if (cookies.length)
      preview.skipped.push({
        where: `${at}.cookies`,
        reason: `${countOf(cookies.length, 'cookie')} the browser sent are not saved in the request; they can go into a profile's jar`,
      });
    const body = toBody(r.postData, headers, at, preview);
    const request: RequestSpec = {
      method: r.method.toUpperCase(),
      url: r.url,
      headers,
      body,
      // A recorded exchange is one hop: the browser recorded any redirect as its own entry.
      options: { followRedirects: false },
    };
    preview.requests.push({ name: requestName(request.method, r.url), folder: url.host, request });
    if (!preview.folders.includes(url.host)) preview.folders.push(url.host);
  });
  return preview;
}

type PostData = NonNullable<z.infer<typeof harSchema>['log']['entries'][number]['request']['postData']>;

function formText(params: ReadonlyArray<{ name: string; value?: string }>): string {
  return new URLSearchParams(params.map((p) => [p.name, p.value ?? ''])).toString();
}

function toBody(
  pd: PostData | undefined,
  headers: KeyValue[],
  at: string,
  preview: ImportPreview,
): RequestBody {
  if (!pd) return { type: 'none' };
  const mime = pd.mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  const typed = headers.some((h) => h.name.toLowerCase() === 'content-type');
  // A form the browser recorded both as text and as params: the fields, when they are the same bytes.
  if (
    pd.params &&
    pd.params.length > 0 &&
    mime === 'application/x-www-form-urlencoded' &&
    (pd.text === undefined || pd.text === formText(pd.params))
  )
    return { type: 'form', fields: pd.params.map((p) => ({ name: p.name, value: p.value ?? '' })) };
  if (pd.params && pd.params.length > 0 && (pd.text === undefined || pd.text === '')) {
    if (mime === 'application/x-www-form-urlencoded')
      return { type: 'form', fields: pd.params.map((p) => ({ name: p.name, value: p.value ?? '' })) };
    const parts: Extract<RequestBody, { type: 'multipart' }>['parts'] = [];
    pd.params.forEach((p, pi) => {
      if (p.fileName !== undefined) {
        preview.skipped.push({
          where: `${at}.postData.params[${pi}]`,
          reason: `file '${p.fileName}' of field '${p.name}' is not in the HAR: choose the file before sending`,
        });
        parts.push({
          kind: 'file',
          name: p.name,
          path: '',
          filename: p.fileName,
          ...(p.contentType ? { contentType: p.contentType } : {}),
        });
      } else parts.push({ kind: 'field', name: p.name, value: p.value ?? '' });
    });
    // The multipart Content-Type the browser sent names its own boundary; the engine writes a new one.
    for (let i = headers.length - 1; i >= 0; i--)
      if (headers[i]?.name.toLowerCase() === 'content-type') headers.splice(i, 1);
    return { type: 'multipart', parts };
  }
  const text = pd.text ?? '';
  if (text === '') return { type: 'none' };
  if ((pd as { encoding?: string }).encoding === 'base64') {
    preview.skipped.push({
      where: `${at}.postData`,
      reason: 'a base64 (binary) body cannot be kept; the request has no body',
    });
    return { type: 'none' };
  }
  return { type: 'text', text, ...(typed ? {} : { contentType: pd.mimeType || 'text/plain' }) };
}

/** One exchange as a HAR entry; the profile that sent it goes in `_profile`. */
function harEntry(
  at: string,
  profile: string,
  request: Entry['request'],
  outcome: { status: number | null; error: { message: string } | null; durationMs: number; size: number },
  extra: Record<string, unknown> = {},
): Entry {
  return {
    startedDateTime: at,
    time: outcome.durationMs,
    request,
    response: {
      status: outcome.status ?? 0,
      statusText: outcome.error ? outcome.error.message : '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [],
      content: { size: outcome.size, mimeType: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: outcome.size,
      ...(outcome.error ? { _error: outcome.error.message } : {}),
    },
    cache: {},
    timings: { send: 0, wait: outcome.durationMs, receive: 0 },
    _profile: profile,
    ...extra,
  } as Entry;
}

/**
 * History as a HAR 1.2 log, oldest first. A single send keeps its request as saved; a run (a
 * collection run, a matrix, a comparison) gives one entry per step, with the run's title in `_run`.
 * `profile` keeps only that profile's exchanges.
 */
export function historyToHar(entries: readonly HistoryEntry[], version: string, profile?: string): Har {
  const out: Entry[] = [];
  for (const h of entries) {
    if (h.kind === 'run' && h.run) {
      for (const step of h.run.steps) {
        if (profile && step.profile !== profile) continue;
        const request = {
          method: step.method,
          url: step.url,
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: [],
          queryString: [],
          headersSize: -1,
          bodySize: -1,
        };
        out.push(harEntry(h.at, step.profile, request, step, { _run: h.run.title }));
      }
      continue;
    }
    if (profile && h.profile !== profile) continue;
    const request = specToHarRequest(h.request, { vars: null });
    request.url = h.url || request.url;
    request.method = h.method || request.method;
    out.push(harEntry(h.at, h.profile, request, h));
  }
  return { log: { version: '1.2', creator: { name: 'Tandem', version }, entries: out } };
}
