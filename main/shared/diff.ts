import { countOf } from './text';
import type { ComparisonDiff, ComparisonResult, ResponseRecord, ValueDiff } from './types';

/**
 * Pure comparison of several profiles' responses to the same request. No Node, no I/O:
 * the renderer and the CLI may import this file too.
 */

export const ABSENT = '(absent)';
export const MAX_PATHS = 50;
const MAX_VALUE = 200;

/** Headers that differ between any two responses and say nothing about access. */
export const VOLATILE_HEADERS: ReadonlySet<string> = new Set([
  'date',
  'age',
  'expires',
  'last-modified',
  'etag',
  'set-cookie',
  'content-length',
  'connection',
  'keep-alive',
  'x-request-id',
  'x-correlation-id',
  'x-response-time',
  'x-runtime',
  'server-timing',
  'cf-ray',
  'x-amzn-trace-id',
  'report-to',
  'nel',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function short(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function show(v: Json | undefined): string {
  if (v === undefined) return ABSENT;
  return short(JSON.stringify(v));
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent || '$'}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent || '$'}[${JSON.stringify(key)}]`;
}

/**
 * The JSON paths where the profiles' values differ, depth first, in key order of first
 * appearance. Objects and arrays are walked while every profile has the same kind there;
 * elsewhere the whole value is compared. Stops after `limit` paths (`truncated` tells).
 */
export function diffJson(
  values: Record<string, Json | undefined>,
  limit = MAX_PATHS,
): { paths: ValueDiff[]; truncated: boolean } {
  const paths: ValueDiff[] = [];
  let truncated = false;
  const profiles = Object.keys(values);

  const walk = (path: string, at: Record<string, Json | undefined>): void => {
    if (truncated) return;
    const vs = profiles.map((p) => at[p]);
    if (vs.every(isObject)) {
      const keys: string[] = [];
      const seen = new Set<string>();
      for (const v of vs as Array<Record<string, Json>>)
        for (const k of Object.keys(v))
          if (!seen.has(k)) {
            seen.add(k);
            keys.push(k);
          }
      for (const k of keys) {
        const next: Record<string, Json | undefined> = {};
        for (const p of profiles)
          next[p] = Object.hasOwn(at[p] as object, k) ? (at[p] as Record<string, Json>)[k] : undefined;
        walk(childPath(path, k), next);
      }
      return;
    }
    if (vs.every(Array.isArray)) {
      const len = Math.max(...(vs as Json[][]).map((a) => a.length));
      for (let i = 0; i < len; i++) {
        const next: Record<string, Json | undefined> = {};
        for (const p of profiles) next[p] = (at[p] as Json[])[i];
        walk(childPath(path, i), next);
      }
      return;
    }
    const shown = vs.map((v) => (v === undefined ? ABSENT : JSON.stringify(v)));
    if (shown.every((s) => s === shown[0])) return;
    if (paths.length >= limit) {
      truncated = true;
      return;
    }
    const out: Record<string, string> = {};
    for (const p of profiles) out[p] = show(at[p]);
    paths.push({ path: path || '$', values: out });
  };

  walk('', values);
  return { paths, truncated };
}

/** Response headers that differ between profiles (names lower-cased, repeats joined with ", "). */
export function diffHeaders(
  headers: Record<string, ReadonlyArray<readonly [string, string]>>,
  ignore: ReadonlySet<string> = VOLATILE_HEADERS,
): ValueDiff[] {
  const profiles = Object.keys(headers);
  const byProfile = new Map<string, Map<string, string>>();
  const names: string[] = [];
  const seen = new Set<string>();
  for (const p of profiles) {
    const m = new Map<string, string>();
    for (const [rawName, value] of headers[p]) {
      const name = rawName.toLowerCase();
      if (ignore.has(name)) continue;
      m.set(name, m.has(name) ? `${m.get(name)}, ${value}` : value);
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
    byProfile.set(p, m);
  }
  const out: ValueDiff[] = [];
  for (const name of names) {
    const values: Record<string, string> = {};
    for (const p of profiles) values[p] = short(byProfile.get(p)?.get(name) ?? ABSENT);
    const vs = Object.values(values);
    if (vs.some((v) => v !== vs[0])) out.push({ path: name, values });
  }
  return out;
}

/** The body as JSON when it is JSON (by content type or by shape), else undefined. */
export function parseJsonBody(r: ResponseRecord): { json: Json } | undefined {
  if (r.bodyEncoding !== 'utf8') return undefined;
  const text = r.body.trim();
  const looksJson = /[/+]json\b/i.test(r.contentType ?? '') || /^[[{]/.test(text);
  if (!looksJson || !text) return undefined;
  try {
    return { json: JSON.parse(text) as Json };
  } catch {
    return undefined;
  }
}

function cookiesOf(r: ResponseRecord): ComparisonDiff['cookiesSet'][string] {
  return r.cookiesSet.map((c) => {
    if (c.cookie) return { name: c.cookie.name, value: c.cookie.value, outcome: c.outcome };
    const pair = c.raw.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    return {
      name: (eq < 0 ? pair : pair.slice(0, eq)).trim(),
      value: eq < 0 ? '' : pair.slice(eq + 1).trim(),
      outcome: c.outcome,
    };
  });
}

/** Summarizes how the profiles' responses differ: status, body (JSON paths), headers, cookies set. */
export function diffResponses(results: readonly ComparisonResult[]): ComparisonDiff {
  const statuses: Record<string, number | null> = {};
  const cookiesSet: ComparisonDiff['cookiesSet'] = {};
  const answered: Array<{ profile: string; response: ResponseRecord }> = [];
  for (const r of results) {
    statuses[r.profile] = r.response?.status ?? null;
    cookiesSet[r.profile] = r.response ? cookiesOf(r.response) : [];
    if (r.response) answered.push({ profile: r.profile, response: r.response });
  }
  const all = Object.values(statuses);
  const sameStatus = all.every((s) => s !== null && s === all[0]);

  let bodyKind: ComparisonDiff['bodyKind'] = 'none';
  let bodyEqual = true;
  let paths: ValueDiff[] = [];
  let pathsTruncated = false;
  if (answered.length >= 2) {
    const parsed = answered.map((a) => parseJsonBody(a.response));
    if (parsed.every((p) => p !== undefined)) {
      bodyKind = 'json';
      const values: Record<string, Json> = {};
      answered.forEach((a, i) => {
        values[a.profile] = (parsed[i] as { json: Json }).json;
      });
      ({ paths, truncated: pathsTruncated } = diffJson(values));
      bodyEqual = paths.length === 0;
    } else {
      bodyKind = 'text';
      bodyEqual = answered.every(
        (a) =>
          a.response.body === answered[0].response.body &&
          a.response.bodyEncoding === answered[0].response.bodyEncoding,
      );
    }
  }
  const headerMap: Record<string, Array<[string, string]>> = {};
  for (const a of answered) headerMap[a.profile] = a.response.headers;
  const headers = answered.length >= 2 ? diffHeaders(headerMap) : [];
  return { sameStatus, statuses, bodyKind, bodyEqual, paths, pathsTruncated, headers, cookiesSet };
}

/** "status differs: alice 200 · bob 401" / "same status 200 · body differs at 2 paths" — one line. */
export function describeDiff(diff: ComparisonDiff): string {
  const parts: string[] = [];
  const entries = Object.entries(diff.statuses);
  const statusText = entries.map(([p, s]) => `${p} ${s ?? 'no response'}`).join(' · ');
  if (diff.sameStatus) parts.push(`same status ${entries[0]?.[1] ?? ''}`.trim());
  else parts.push(`status differs: ${statusText}`);
  if (diff.bodyKind !== 'none') {
    if (diff.bodyEqual) parts.push('same body');
    else if (diff.bodyKind === 'json') {
      const n = diff.paths.length;
      parts.push(`body differs at ${n}${diff.pathsTruncated ? '+' : ''} path${n === 1 ? '' : 's'}`);
    } else parts.push('body differs');
  }
  if (diff.headers.length) parts.push(`${countOf(diff.headers.length, 'header')} differ`);
  return parts.join(' · ');
}
