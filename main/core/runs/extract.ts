import { jsonPathValues } from '../../shared/jsonpath';
import type { Extracted, ExtractRule } from '../../shared/sessions';
import type { ResponseRecord } from '../../shared/types';

/**
 * Extraction rules applied to a response: each rule takes one value (JSONPath into the JSON
 * body, a regex over the body, a response header, a cookie the response set or the jar holds
 * for the final URL, or the final URL) for the profile that sent the request.
 */

function finalUrl(r: ResponseRecord): string {
  return r.hops.at(-1)?.url ?? r.request.url;
}

function asText(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function fromJson(r: ResponseRecord, path: string): string | null {
  return asText(jsonPathValues(r, path)?.[0]);
}

function fromRegex(r: ResponseRecord, pattern: string): string | null {
  if (r.bodyEncoding !== 'utf8') return null;
  let re: RegExp;
  try {
    re = new RegExp(pattern);
  } catch {
    return null;
  }
  const m = re.exec(r.body);
  if (!m) return null;
  return m[1] ?? m[0];
}

function fromHeader(r: ResponseRecord, name: string): string | null {
  const lower = name.toLowerCase();
  // The last hop's headers are the response's; a header set on a redirect hop counts too.
  for (const hops of [r.headers, ...[...r.hops].reverse().map((h) => h.headers)])
    for (const [n, v] of hops) if (n.toLowerCase() === lower) return v;
  return null;
}

/** A cookie the response set (last one wins), else the one the jar would send to the final URL. */
function fromCookie(
  r: ResponseRecord,
  name: string,
  jarValue: (name: string) => string | null,
): string | null {
  let value: string | null = null;
  for (const c of r.cookiesSet)
    if (c.cookie?.name === name && (c.outcome === 'stored' || c.outcome === 'ignored'))
      value = c.cookie.value;
  return value ?? jarValue(name);
}

/** Evaluates one rule. Never throws: a rule that matches nothing gives null. */
export function evaluateRule(
  rule: ExtractRule,
  r: ResponseRecord,
  jarValue: (name: string) => string | null = () => null,
): string | null {
  switch (rule.source) {
    case 'json':
      return fromJson(r, rule.expr);
    case 'regex':
      return fromRegex(r, rule.expr);
    case 'header':
      return fromHeader(r, rule.expr);
    case 'cookie':
      return fromCookie(r, rule.expr, jarValue);
    case 'url':
      return finalUrl(r);
  }
}

/**
 * Applies every rule; returns what each took and the variables to merge into the profile's
 * (rules that matched nothing leave the variable as it was).
 */
export function applyRules(
  rules: readonly ExtractRule[],
  r: ResponseRecord,
  profile: string,
  jarValue?: (name: string) => string | null,
): { extracted: Extracted[]; variables: Record<string, string> } {
  const extracted: Extracted[] = [];
  const variables: Record<string, string> = {};
  for (const rule of rules) {
    const value = evaluateRule(rule, r, jarValue);
    extracted.push({ name: rule.name, source: rule.source, value, profile });
    if (value !== null) variables[rule.name] = value;
  }
  return { extracted, variables };
}
