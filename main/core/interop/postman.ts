import { Collection as PmCollection, Item as PmItem } from 'postman-collection';
import { isPostmanEnvironment } from '../../shared/environments';
import { fail } from '../../shared/errors';
import type { ImportPreview, SkippedItem } from '../../shared/interop';
import type { Collection, KeyValue, RequestBody, RequestSpec } from '../../shared/types';

/**
 * Postman Collection v2.0/v2.1 ⇄ Tandem, read and written through Postman's own SDK
 * (`postman-collection`). Folders become '/'-separated folder paths; `{{var}}` references stay as
 * they are and the collection's variables come along. What Tandem cannot hold (scripts, other
 * auth types, disabled query parameters) is listed with the JSON path where it was.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const RAW_TYPES: Record<string, string> = {
  json: 'application/json',
  javascript: 'application/javascript',
  xml: 'application/xml',
  html: 'text/html',
  text: 'text/plain',
};

export function importPostman(raw: unknown, name?: string): ImportPreview {
  if (!isObject(raw) || !isObject(raw.info) || !Array.isArray(raw.item)) {
    if (isObject(raw) && Array.isArray(raw.requests))
      fail('INVALID_FILE', 'This is a Postman v1 collection: export it from Postman as Collection v2.1');
    if (isPostmanEnvironment(raw))
      fail(
        'INVALID_FILE',
        'This is a Postman environment, not a collection: import it with Environments (⋯), Import Postman environment…',
      );
    fail('INVALID_FILE', 'Not a Postman collection: expected "info" and "item" at the top level');
  }
  const schema = String(raw.info.schema ?? '');
  if (schema && !/collection\/v2\.[01]\.\d/.test(schema))
    fail('INVALID_FILE', `Unsupported Postman schema ${schema}: Tandem reads Collection v2.0 and v2.1`);
  const collection = new PmCollection(raw as never);
  const preview: ImportPreview = {
    format: 'postman',
    name: name?.trim() || collection.name || 'Postman collection',
    folders: [],
    requests: [],
    variables: [],
    skipped: [],
    cookies: [],
  };
  collection.variables.each((v) => {
    preview.variables.push({
      name: String(v.key ?? ''),
      value: v.value === undefined || v.value === null ? '' : String(v.value),
      ...(v.disabled ? { enabled: false } : {}),
    });
  });
  if (Array.isArray(raw.event) && raw.event.length > 0)
    preview.skipped.push({ where: 'event', reason: 'collection scripts are not run by Tandem' });
  walk(raw.item as unknown[], collection.items.all(), 'item', '', preview);
  return preview;
}

/** Walks the raw JSON (for paths) beside the SDK's tree (for inherited auth), which keeps the same order. */
function walk(items: unknown[], sdk: unknown[], where: string, folder: string, out: ImportPreview): void {
  items.forEach((rawItem, i) => {
    const node = sdk[i] as (PmItem & { items?: { all(): unknown[] } }) | undefined;
    const at = `${where}[${i}]`;
    if (!isObject(rawItem)) {
      out.skipped.push({ where: at, reason: 'not an item object' });
      return;
    }
    const label = String(rawItem.name ?? `item ${i + 1}`);
    if (Array.isArray(rawItem.item)) {
      const path = folder ? `${folder}/${label.replace(/\//g, '-')}` : label.replace(/\//g, '-');
      out.folders.push(path);
      if (Array.isArray(rawItem.event) && rawItem.event.length > 0)
        out.skipped.push({
          where: `${at}.event`,
          reason: `scripts of folder '${label}' are not run by Tandem`,
        });
      walk(rawItem.item, node?.items?.all() ?? [], `${at}.item`, path, out);
      return;
    }
    if (rawItem.request === undefined) {
      out.skipped.push({ where: at, reason: `'${label}' has no request` });
      return;
    }
    try {
      const item =
        node && PmItem.isItem(node) && node.name === rawItem.name ? node : new PmItem(rawItem as never);
      const request = toSpec(item, at, label, out.skipped);
      out.requests.push({ name: label, folder, request });
    } catch (e) {
      out.skipped.push({ where: at, reason: `'${label}': ${(e as Error).message.split('\n')[0]}` });
    }
    if (Array.isArray(rawItem.event) && rawItem.event.some((ev) => isObject(ev) && ev.script))
      out.skipped.push({ where: `${at}.event`, reason: `scripts of '${label}' are not run by Tandem` });
  });
}

function toSpec(item: PmItem, at: string, label: string, skipped: SkippedItem[]): RequestSpec {
  const req = item.request;
  const headers: KeyValue[] = req.headers.all().map((h) => ({
    name: String(h.key ?? ''),
    value: String(h.value ?? ''),
    ...(h.disabled ? { enabled: false } : {}),
  }));
  req.url.query.all().forEach((q, qi) => {
    if (q.disabled)
      skipped.push({
        where: `${at}.request.url.query[${qi}]`,
        reason: `'${label}': disabled query parameter '${q.key}' is not kept (Tandem's URL holds only sent parameters)`,
      });
  });
  const spec: RequestSpec = {
    method: (req.method || 'GET').toUpperCase(),
    url: req.url.toString(),
    headers,
    body: toBody(item, headers, at, label, skipped),
  };
  const auth = item.getAuth();
  if (auth && auth.type !== 'noauth') {
    const param = (k: string) => {
      const v = auth.parameters().get(k);
      return v === undefined || v === null ? '' : String(v);
    };
    if (auth.type === 'basic')
      spec.auth = { type: 'basic', username: param('username'), password: param('password') };
    else if (auth.type === 'bearer') spec.auth = { type: 'bearer', token: param('token') };
    else
      skipped.push({
        where: `${at}.request.auth`,
        reason: `'${label}': ${auth.type} auth is not supported (basic and bearer are); the request is imported without it`,
      });
  }
  // A multipart Content-Type without its boundary would break the body: the engine writes its own.
  if (spec.body.type === 'multipart')
    spec.headers = headers.filter((h) => h.name.toLowerCase() !== 'content-type' || h.enabled === false);
  return spec;
}

function toBody(
  item: PmItem,
  headers: KeyValue[],
  at: string,
  label: string,
  skipped: SkippedItem[],
): RequestBody {
  const body = item.request.body as
    | (PmItem['request']['body'] & { disabled?: boolean; options?: Json; graphql?: unknown })
    | undefined;
  if (!body?.mode || body.disabled) return { type: 'none' };
  const typed = headers.find((h) => h.enabled !== false && h.name.toLowerCase() === 'content-type')?.value;
  switch (body.mode) {
    case 'raw': {
      const text = body.raw ?? '';
      if (text === '') return { type: 'none' };
      const rawOptions = isObject(body.options) && isObject(body.options.raw) ? body.options.raw : {};
      const language = String(rawOptions.language ?? '');
      const contentType = typed ?? RAW_TYPES[language] ?? 'text/plain';
      if (/json/i.test(contentType) && isJson(text)) return { type: 'json', text };
      return { type: 'text', text, contentType };
    }
    case 'urlencoded':
      return {
        type: 'form',
        fields: (body.urlencoded?.all() ?? []).map((p) => ({
          name: String(p.key ?? ''),
          value: String(p.value ?? ''),
          ...(p.disabled ? { enabled: false } : {}),
        })),
      };
    case 'formdata': {
      const parts: Extract<RequestBody, { type: 'multipart' }>['parts'] = [];
      (body.formdata?.all() ?? []).forEach((p, pi) => {
        const row = p.toJSON() as Json;
        const enabled = row.disabled ? { enabled: false } : {};
        const contentType =
          typeof row.contentType === 'string' && row.contentType ? { contentType: row.contentType } : {};
        if (row.type === 'file') {
          const src = Array.isArray(row.src) ? row.src : [row.src];
          if (src.length > 1)
            skipped.push({
              where: `${at}.request.body.formdata[${pi}].src`,
              reason: `'${label}': only the first of ${src.length} files of '${row.key}' is kept`,
            });
          parts.push({
            kind: 'file',
            name: String(row.key ?? ''),
            path: String(src[0] ?? ''),
            ...contentType,
            ...enabled,
          });
        } else
          parts.push({
            kind: 'field',
            name: String(row.key ?? ''),
            value: String(row.value ?? ''),
            ...enabled,
          });
      });
      return { type: 'multipart', parts };
    }
    case 'file': {
      const src = (body.file as { src?: string } | undefined)?.src;
      return src
        ? { type: 'file', path: String(src), ...(typed ? { contentType: typed } : {}) }
        : { type: 'none' };
    }
    case 'graphql': {
      const g = (body.graphql ?? {}) as { query?: string; variables?: string };
      // As Postman sends it: the variables text goes in as it was typed (when it is JSON).
      let variables = '{}';
      if (g.variables?.trim()) {
        try {
          JSON.parse(g.variables);
          variables = g.variables;
        } catch {
          skipped.push({
            where: `${at}.request.body.graphql.variables`,
            reason: `'${label}': the GraphQL variables are not valid JSON and are left out`,
          });
        }
      }
      return { type: 'json', text: `{"query":${JSON.stringify(g.query ?? '')},"variables":${variables}}` };
    }
    default:
      skipped.push({
        where: `${at}.request.body`,
        reason: `'${label}': body mode '${body.mode}' is not supported`,
      });
      return { type: 'none' };
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A Tandem collection as Postman Collection v2.1 JSON (through the SDK, so Postman reads it back). */
export function exportPostman(c: Collection & { variables?: KeyValue[] }): unknown {
  type Group = { name: string; item: unknown[] };
  const root: Group = { name: c.name, item: [] };
  const groups = new Map<string, Group>([['', root]]);
  const groupFor = (folder: string): Group => {
    const found = groups.get(folder);
    if (found) return found;
    const cut = folder.lastIndexOf('/');
    const parent = groupFor(cut === -1 ? '' : folder.slice(0, cut));
    const g: Group = { name: cut === -1 ? folder : folder.slice(cut + 1), item: [] };
    parent.item.push(g);
    groups.set(folder, g);
    return g;
  };
  for (const f of c.folders) groupFor(f);
  for (const r of c.requests)
    groupFor(r.folder).item.push({ name: r.name, request: toPostmanRequest(r.request) });
  const json = {
    info: {
      name: c.name,
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: root.item,
    ...(c.variables?.length
      ? {
          variable: c.variables.map((v) => ({
            key: v.name,
            value: v.value,
            ...(v.enabled === false ? { disabled: true } : {}),
          })),
        }
      : {}),
  };
  return new PmCollection(json as never).toJSON();
}

function toPostmanRequest(r: RequestSpec): unknown {
  const header = r.headers.map((h) => ({
    key: h.name,
    value: h.value,
    ...(h.enabled === false ? { disabled: true } : {}),
  }));
  const out: Json = { method: r.method, header, url: r.url };
  const b = r.body;
  if (b.type === 'text') {
    // Postman says a raw body's type with its language; other types go in a Content-Type header.
    const language = Object.entries(RAW_TYPES).find(([, t]) => t === (b.contentType ?? 'text/plain'))?.[0];
    out.body = { mode: 'raw', raw: b.text, ...(language ? { options: { raw: { language } } } : {}) };
    if (!language && b.contentType && !header.some((h) => h.key.toLowerCase() === 'content-type'))
      header.push({ key: 'Content-Type', value: b.contentType });
  } else if (b.type === 'json')
    out.body = { mode: 'raw', raw: b.text, options: { raw: { language: 'json' } } };
  else if (b.type === 'form')
    out.body = {
      mode: 'urlencoded',
      urlencoded: b.fields.map((f) => ({
        key: f.name,
        value: f.value,
        ...(f.enabled === false ? { disabled: true } : {}),
      })),
    };
  else if (b.type === 'multipart')
    out.body = {
      mode: 'formdata',
      formdata: b.parts.map((p) =>
        p.kind === 'field'
          ? { key: p.name, value: p.value, type: 'text', ...(p.enabled === false ? { disabled: true } : {}) }
          : {
              key: p.name,
              src: p.path,
              type: 'file',
              ...(p.contentType ? { contentType: p.contentType } : {}),
              ...(p.enabled === false ? { disabled: true } : {}),
            },
      ),
    };
  else if (b.type === 'file') {
    out.body = { mode: 'file', file: { src: b.path } };
    if (b.contentType && !header.some((h) => h.key.toLowerCase() === 'content-type'))
      header.push({ key: 'Content-Type', value: b.contentType });
  }
  if (r.auth?.type === 'basic')
    out.auth = {
      type: 'basic',
      basic: [
        { key: 'username', value: r.auth.username, type: 'string' },
        { key: 'password', value: r.auth.password, type: 'string' },
      ],
    };
  else if (r.auth?.type === 'bearer')
    out.auth = { type: 'bearer', bearer: [{ key: 'token', value: r.auth.token, type: 'string' }] };
  return out;
}
