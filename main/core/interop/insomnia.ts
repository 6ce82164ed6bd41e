import { fail } from '../../shared/errors';
import type { ImportPreview, SkippedItem } from '../../shared/interop';
import type { KeyValue, RequestBody, RequestSpec } from '../../shared/types';

/**
 * Insomnia's export format 4 (Application → Export Data → Insomnia v4 JSON): a flat list of
 * resources linked by parentId. Workspaces hold request groups (folders) and requests; the base
 * environment's values become the collection's variables. Insomnia's `{{ _.name }}` templates
 * become Tandem's `{{name}}`; other template tags (`{% … %}`) cannot be kept and are reported.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);

/** `{{ _.base_url }}` / `{{ base_url }}` → `{{base_url}}`. */
export function insomniaTemplate(text: string): string {
  return text.replace(/\{\{\s*(?:_\.)?([A-Za-z0-9_.$-]+)\s*\}\}/g, '{{$1}}');
}

export function importInsomnia(raw: unknown, name?: string): ImportPreview {
  if (!isObject(raw) || !Array.isArray(raw.resources))
    fail('INVALID_FILE', 'Not an Insomnia export: expected "resources" at the top level');
  if (raw.__export_format !== 4)
    fail(
      'INVALID_FILE',
      `Unsupported Insomnia export format ${str(raw.__export_format) || '(none)'}: Tandem reads format 4`,
    );
  const resources = raw.resources as unknown[];
  const byId = new Map<string, { r: Json; i: number }>();
  resources.forEach((r, i) => {
    if (isObject(r) && typeof r._id === 'string') byId.set(r._id, { r, i });
  });
  const workspaces = resources.filter((r): r is Json => isObject(r) && r._type === 'workspace');
  const preview: ImportPreview = {
    format: 'insomnia',
    name: name?.trim() || str(workspaces[0]?.name) || 'Insomnia import',
    folders: [],
    requests: [],
    variables: [],
    skipped: [],
    cookies: [],
  };
  if (workspaces.length > 1)
    preview.skipped.push({
      where: 'resources',
      reason: `${workspaces.length} workspaces in the file: all their requests go into one collection`,
    });

  const folderOf = (parentId: unknown): string => {
    const names: string[] = [];
    let id = str(parentId);
    for (let guard = 0; guard < 100; guard++) {
      const found = byId.get(id);
      if (found?.r._type !== 'request_group') break;
      names.unshift(str(found.r.name).replace(/\//g, '-') || 'folder');
      id = str(found.r.parentId);
    }
    return names.join('/');
  };

  resources.forEach((r, i) => {
    const at = `resources[${i}]`;
    if (!isObject(r)) {
      preview.skipped.push({ where: at, reason: 'not a resource object' });
      return;
    }
    const label = str(r.name) || str(r._id);
    switch (r._type) {
      case 'workspace':
      case 'cookie_jar':
      case 'api_spec':
        return;
      case 'request_group': {
        const path = folderOf(r._id);
        if (path && !preview.folders.includes(path)) preview.folders.push(path);
        return;
      }
      case 'environment': {
        const parent = byId.get(str(r.parentId))?.r;
        const isBase = parent?._type === 'workspace';
        if (isBase && isObject(r.data)) {
          for (const [k, v] of Object.entries(r.data)) {
            if (typeof v === 'object' && v !== null) {
              preview.skipped.push({
                where: `${at}.data.${k}`,
                reason: `variable '${k}' holds an object; Tandem variables are text`,
              });
              continue;
            }
            preview.variables.push({ name: k, value: str(v) });
          }
        } else
          preview.skipped.push({
            where: at,
            reason: `environment '${label}' is not the base environment; import environments separately`,
          });
        return;
      }
      case 'request': {
        const folder = folderOf(r.parentId);
        if (folder && !preview.folders.includes(folder)) preview.folders.push(folder);
        try {
          preview.requests.push({
            name: label || 'request',
            folder,
            request: toSpec(r, at, label, preview.skipped),
          });
        } catch (e) {
          preview.skipped.push({ where: at, reason: `'${label}': ${(e as Error).message}` });
        }
        return;
      }
      default:
        preview.skipped.push({
          where: at,
          reason: `${str(r._type) || 'unknown'} '${label}' is not a request`,
        });
    }
  });
  return preview;
}

function rows(list: unknown): Array<KeyValue> {
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((p) => ({
    name: insomniaTemplate(str(p.name)),
    value: insomniaTemplate(str(p.value)),
    ...(p.disabled === true ? { enabled: false } : {}),
  }));
}

function toSpec(r: Json, at: string, label: string, skipped: SkippedItem[]): RequestSpec {
  const check = (text: string, where: string) => {
    if (text.includes('{%'))
      skipped.push({ where, reason: `'${label}': template tags ({% … %}) are kept as text` });
  };
  let url = insomniaTemplate(str(r.url));
  check(url, `${at}.url`);
  const params = rows(r.parameters);
  const enabledParams = params.filter((p) => p.enabled !== false);
  if (enabledParams.length) {
    const q = enabledParams
      .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(p.value)}`)
      .join('&');
    url += (url.includes('?') ? '&' : '?') + q;
  }
  params.forEach((p, pi) => {
    if (p.enabled === false)
      skipped.push({
        where: `${at}.parameters[${pi}]`,
        reason: `'${label}': disabled parameter '${p.name}' is not kept`,
      });
  });
  const headers = rows(r.headers);
  const spec: RequestSpec = {
    method: str(r.method || 'GET').toUpperCase(),
    url,
    headers,
    body: toBody(r.body, headers, at, label, skipped),
  };
  const auth = isObject(r.authentication) ? r.authentication : null;
  if (auth?.type && auth.disabled !== true) {
    if (auth.type === 'basic')
      spec.auth = {
        type: 'basic',
        username: insomniaTemplate(str(auth.username)),
        password: insomniaTemplate(str(auth.password)),
      };
    else if (auth.type === 'bearer') {
      const prefix = str(auth.prefix);
      if (prefix && prefix !== 'Bearer')
        headers.push({ name: 'Authorization', value: `${prefix} ${insomniaTemplate(str(auth.token))}` });
      else spec.auth = { type: 'bearer', token: insomniaTemplate(str(auth.token)) };
    } else if (auth.type !== 'none')
      skipped.push({
        where: `${at}.authentication`,
        reason: `'${label}': ${str(auth.type)} auth is not supported (basic and bearer are)`,
      });
  }
  if (spec.body.type === 'multipart') dropContentType(headers); // the engine writes it with its boundary
  for (const [k, v] of [
    ['headers', headers],
    ['body', spec.body],
  ] as const)
    if (JSON.stringify(v).includes('{%')) check('{%', `${at}.${k}`);
  return spec;
}

function dropContentType(headers: KeyValue[]): void {
  for (let i = headers.length - 1; i >= 0; i--)
    if (headers[i]?.name.toLowerCase() === 'content-type') headers.splice(i, 1);
}

function toBody(
  body: unknown,
  headers: KeyValue[],
  at: string,
  label: string,
  skipped: SkippedItem[],
): RequestBody {
  if (!isObject(body) || Object.keys(body).length === 0) return { type: 'none' };
  const mime = str(body.mimeType);
  if (mime === 'application/x-www-form-urlencoded') return { type: 'form', fields: rows(body.params) };
  if (mime === 'multipart/form-data') {
    const parts: Extract<RequestBody, { type: 'multipart' }>['parts'] = [];
    (Array.isArray(body.params) ? body.params : []).forEach((p) => {
      if (!isObject(p)) return;
      const enabled = p.disabled === true ? { enabled: false } : {};
      if (p.type === 'file')
        parts.push({ kind: 'file', name: str(p.name), path: str(p.fileName), ...enabled });
      else
        parts.push({
          kind: 'field',
          name: insomniaTemplate(str(p.name)),
          value: insomniaTemplate(str(p.value)),
          ...enabled,
        });
    });
    return { type: 'multipart', parts };
  }
  if (typeof body.fileName === 'string' && body.fileName)
    return { type: 'file', path: body.fileName, ...(mime ? { contentType: mime } : {}) };
  const text = insomniaTemplate(str(body.text));
  if (text === '') return { type: 'none' };
  if (mime === 'application/graphql') {
    skipped.push({ where: `${at}.body`, reason: `'${label}': GraphQL body is sent as its JSON text` });
    return { type: 'json', text };
  }
  const typed = headers.some((h) => h.enabled !== false && h.name.toLowerCase() === 'content-type');
  if (/json/i.test(mime)) {
    try {
      JSON.parse(text);
      return { type: 'json', text };
    } catch {
      /* JSON with templates: keep as text */
    }
  }
  return { type: 'text', text, ...(mime && !typed ? { contentType: mime } : {}) };
}
