import SwaggerParser from '@apidevtools/swagger-parser';
import yaml from 'js-yaml';
import { fail } from '../../shared/errors';
import type { ImportPreview, SkippedItem } from '../../shared/interop';
import type { KeyValue, RequestBody, RequestSpec } from '../../shared/types';

/**
 * OpenAPI 3.x and Swagger 2.0 (JSON or YAML) → one request per operation, through
 * `@apidevtools/swagger-parser`: local `$ref`s are resolved (no file or network is read), path
 * parameters become `{{name}}` variables, query and header parameters get their example or default,
 * and the body is the spec's example (or one built from the schema). The server URL is the
 * `baseUrl` collection variable. Operations go into folders by their first tag.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function parseSpecText(text: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  try {
    return trimmed.startsWith('{') ? JSON.parse(trimmed) : yaml.load(trimmed);
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0];
    fail('INVALID_FILE', `Not an OpenAPI document: ${msg}`);
  }
}

export async function importOpenApi(raw: unknown, name?: string): Promise<ImportPreview> {
  if (!isObject(raw) || (typeof raw.openapi !== 'string' && raw.swagger !== '2.0'))
    fail(
      'INVALID_FILE',
      'Not an OpenAPI document: expected "openapi: 3.x" or "swagger: \'2.0\'" at the top level',
    );
  if (typeof raw.openapi === 'string' && !raw.openapi.startsWith('3.'))
    fail('INVALID_FILE', `Unsupported OpenAPI version ${raw.openapi}: Tandem reads 3.x and Swagger 2.0`);
  let api: Json;
  try {
    api = (await SwaggerParser.dereference(
      structuredClone(raw) as never,
      {
        // Local refs only: nothing is read from disk or the network. Circular schemas stay
        // circular objects; sample() stops at a depth.
        resolve: { external: false },
      } as never,
    )) as unknown as Json;
  } catch (e) {
    fail('INVALID_FILE', `The OpenAPI document cannot be read: ${(e as Error).message.split('\n')[0]}`);
  }
  const info = isObject(api.info) ? api.info : {};
  const preview: ImportPreview = {
    format: 'openapi',
    name: name?.trim() || String(info.title ?? '') || 'OpenAPI import',
    folders: [],
    requests: [],
    variables: [],
    skipped: [],
    cookies: [],
  };
  const baseUrl = serverUrl(api, preview.skipped);
  preview.variables.push({ name: 'baseUrl', value: baseUrl });
  const swagger2 = api.swagger === '2.0';
  const security = securityOf(api, preview);
  const paths = isObject(api.paths) ? api.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of Object.keys(item)) {
      if (!METHODS.includes(method)) continue;
      const op = item[method];
      const at = `paths.${path}.${method}`;
      if (!isObject(op)) continue;
      try {
        const request = operation(path, method, op, shared, api, swagger2, at, preview, security);
        const tag =
          Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0].replace(/\//g, '-') : '';
        if (tag && !preview.folders.includes(tag)) preview.folders.push(tag);
        const label = String(op.summary || op.operationId || `${method.toUpperCase()} ${path}`).slice(0, 200);
        preview.requests.push({ name: label, folder: tag, request });
      } catch (e) {
        preview.skipped.push({ where: at, reason: (e as Error).message.split('\n')[0] ?? 'cannot read' });
      }
    }
  }
  return preview;
}

function serverUrl(api: Json, skipped: SkippedItem[]): string {
  if (api.swagger === '2.0') {
    const scheme = Array.isArray(api.schemes) && api.schemes.length ? String(api.schemes[0]) : 'https';
    const host = typeof api.host === 'string' ? api.host : '';
    if (!host) skipped.push({ where: 'host', reason: 'no host: set the baseUrl variable before sending' });
    return `${host ? `${scheme}://${host}` : ''}${typeof api.basePath === 'string' && api.basePath !== '/' ? api.basePath : ''}`;
  }
  const servers = Array.isArray(api.servers) ? api.servers.filter(isObject) : [];
  const first = servers[0];
  if (!first || typeof first.url !== 'string') {
    skipped.push({ where: 'servers', reason: 'no server URL: set the baseUrl variable before sending' });
    return '';
  }
  if (servers.length > 1)
    skipped.push({
      where: 'servers',
      reason: `${servers.length} servers: baseUrl is the first, ${first.url}`,
    });
  const vars = isObject(first.variables) ? first.variables : {};
  return first.url
    .replace(/\{([^}]+)\}/g, (_m, v: string) => {
      const d = isObject(vars[v]) ? (vars[v] as Json).default : undefined;
      return d === undefined ? `{{${v}}}` : String(d);
    })
    .replace(/\/$/, '');
}

interface Security {
  auth?: RequestSpec['auth'];
  header?: KeyValue;
  query?: KeyValue;
}

function securityOf(api: Json, preview: ImportPreview): Security {
  const schemes =
    isObject(api.components) && isObject((api.components as Json).securitySchemes)
      ? ((api.components as Json).securitySchemes as Json)
      : isObject(api.securityDefinitions)
        ? api.securityDefinitions
        : {};
  const out: Security = {};
  const want = Array.isArray(api.security)
    ? api.security.filter(isObject).flatMap((s) => Object.keys(s))
    : [];
  for (const key of want) {
    const s = schemes[key];
    if (!isObject(s)) continue;
    const type = String(s.type);
    const scheme = String(s.scheme ?? '').toLowerCase();
    if (type === 'basic' || (type === 'http' && scheme === 'basic')) {
      out.auth = { type: 'basic', username: '{{username}}', password: '{{password}}' };
      addVars(preview, ['username', 'password']);
    } else if (type === 'http' && scheme === 'bearer') {
      out.auth = { type: 'bearer', token: '{{token}}' };
      addVars(preview, ['token']);
    } else if (type === 'apiKey' && (s.in === 'header' || s.in === 'query')) {
      const row = { name: String(s.name), value: `{{${key}}}` };
      if (s.in === 'header') out.header = row;
      else out.query = row;
      addVars(preview, [key]);
    } else
      preview.skipped.push({
        where: `security.${key}`,
        reason: `${type}${scheme ? ` ${scheme}` : ''} security is not supported; requests go without it`,
      });
    break;
  }
  return out;
}

function addVars(preview: ImportPreview, names: string[]): void {
  for (const n of names)
    if (!preview.variables.some((v) => v.name === n)) preview.variables.push({ name: n, value: '' });
}

function exampleOf(p: Json): unknown {
  if (p.example !== undefined) return p.example;
  if (isObject(p.examples)) {
    const first = Object.values(p.examples)[0];
    if (isObject(first) && first.value !== undefined) return first.value;
  }
  const schema = isObject(p.schema) ? p.schema : p;
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  return undefined;
}

/** An example value built from a (dereferenced) schema; depth-limited for recursive schemas. */
/** Marks a property left out because its schema recurses (the same schema already above it). */
const RECURSIVE = Symbol('recursive');

/**
 * An example value built from a (dereferenced) schema. A schema met again inside itself (a pet's
 * owner's pets) is left out, so recursive schemas give a short example.
 */
export function sample(schema: unknown, above: ReadonlySet<object> = new Set()): unknown {
  if (!isObject(schema) || above.size > 12) return null;
  if (above.has(schema)) return RECURSIVE;
  const given = exampleOf({ schema });
  if (given !== undefined) return given;
  const inner = new Set(above).add(schema);
  for (const k of ['allOf', 'oneOf', 'anyOf']) {
    const list = schema[k];
    if (Array.isArray(list) && list.length) {
      if (k !== 'allOf') return sample(list[0], inner);
      return Object.assign({}, ...list.map((s) => sample(s, inner)).filter(isObject));
    }
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' || isObject(schema.properties)) {
    const out: Json = {};
    for (const [k, v] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
      const value = sample(v, inner);
      if (value !== RECURSIVE) out[k] = value;
    }
    return out;
  }
  if (type === 'array') {
    const item = sample(schema.items, inner);
    return item === RECURSIVE ? [] : [item];
  }
  if (type === 'integer' || type === 'number') return 0;
  if (type === 'boolean') return false;
  if (type === 'string') {
    if (schema.format === 'date-time') return '2024-01-01T00:00:00Z';
    if (schema.format === 'date') return '2024-01-01';
    if (schema.format === 'email') return 'user@example.com';
    if (schema.format === 'uuid') return '00000000-0000-0000-0000-000000000000';
    return 'string';
  }
  return null;
}

function text(v: unknown): string {
  return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function operation(
  path: string,
  method: string,
  op: Json,
  shared: unknown[],
  api: Json,
  swagger2: boolean,
  at: string,
  preview: ImportPreview,
  security: Security,
): RequestSpec {
  const own = Array.isArray(op.parameters) ? op.parameters.filter(isObject) : [];
  const params = [
    ...shared.filter(isObject).filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)),
    ...own,
  ];
  const query: string[] = [];
  const headers: KeyValue[] = [];
  const cookies: KeyValue[] = [];
  const formFields: Array<{ name: string; value: string; file: boolean }> = [];
  let body: RequestBody = { type: 'none' };
  for (const p of params) {
    const name = String(p.name ?? '');
    const value = text(exampleOf(p));
    switch (p.in) {
      case 'path':
        if (!preview.variables.some((v) => v.name === name)) preview.variables.push({ name, value });
        break;
      case 'query':
        query.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
        break;
      case 'header':
        headers.push({ name, value });
        break;
      case 'cookie':
        cookies.push({ name, value });
        break;
      case 'formData':
        formFields.push({ name, value, file: p.type === 'file' });
        break;
      case 'body':
        body = jsonBody(p.schema, exampleOf(p));
        break;
    }
  }
  if (security.header && !headers.some((h) => h.name.toLowerCase() === security.header?.name.toLowerCase()))
    headers.push({ ...security.header });
  if (security.query) query.push(`${encodeURIComponent(security.query.name)}=${security.query.value}`);

  if (swagger2 && formFields.length) {
    const consumes = [
      ...(Array.isArray(op.consumes) ? op.consumes : []),
      ...(Array.isArray(api.consumes) ? api.consumes : []),
    ];
    body =
      formFields.some((f) => f.file) || consumes.includes('multipart/form-data')
        ? {
            type: 'multipart',
            parts: formFields.map((f) =>
              f.file
                ? { kind: 'file' as const, name: f.name, path: '' }
                : { kind: 'field' as const, name: f.name, value: f.value },
            ),
          }
        : { type: 'form', fields: formFields.map((f) => ({ name: f.name, value: f.value })) };
  }
  if (!swagger2 && isObject(op.requestBody) && isObject(op.requestBody.content)) {
    const content = op.requestBody.content as Json;
    const types = Object.keys(content);
    const pick = types.find((t) => /json/i.test(t)) ?? types[0];
    const media = pick ? (content[pick] as Json) : undefined;
    if (pick && isObject(media)) {
      if (/json/i.test(pick)) {
        body = jsonBody(media.schema, exampleOf({ ...media, schema: undefined }));
        if (pick !== 'application/json') headers.push({ name: 'Content-Type', value: pick });
      } else if (pick === 'application/x-www-form-urlencoded' || pick === 'multipart/form-data') {
        const props =
          isObject(media.schema) && isObject(media.schema.properties) ? media.schema.properties : {};
        const entries = Object.entries(props);
        if (pick === 'application/x-www-form-urlencoded')
          body = { type: 'form', fields: entries.map(([k, v]) => ({ name: k, value: text(sample(v)) })) };
        else
          body = {
            type: 'multipart',
            parts: entries.map(([k, v]) =>
              isObject(v) && (v.format === 'binary' || v.format === 'base64')
                ? { kind: 'file' as const, name: k, path: '' }
                : { kind: 'field' as const, name: k, value: text(sample(v)) },
            ),
          };
      } else {
        const ex = exampleOf({ ...media, schema: undefined });
        body = { type: 'text', text: typeof ex === 'string' ? ex : '', contentType: pick };
      }
      if (types.length > 1)
        preview.skipped.push({
          where: `${at}.requestBody.content`,
          reason: `${types.length} body types: ${pick} is used`,
        });
    }
  }
  if (body.type === 'multipart' && body.parts.some((p) => p.kind === 'file'))
    preview.skipped.push({ where: `${at}`, reason: 'a file part has no file yet: choose it before sending' });

  const url = `{{baseUrl}}${path.replace(/\{([^}]+)\}/g, '{{$1}}')}${query.length ? `?${query.join('&')}` : ''}`;
  const spec: RequestSpec = { method: method.toUpperCase(), url, headers, body };
  if (cookies.length) spec.cookies = cookies;
  const opSecurity = Array.isArray(op.security) ? op.security : null;
  if (security.auth && !(opSecurity && opSecurity.length === 0)) spec.auth = security.auth;
  return spec;
}

function jsonBody(schema: unknown, example: unknown): RequestBody {
  const value = example !== undefined ? example : sample(schema);
  return { type: 'json', text: JSON.stringify(value ?? {}, null, 2) };
}
