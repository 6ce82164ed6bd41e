import { JSONPath } from 'jsonpath-plus';

/**
 * The values a JSONPath selects in a response's JSON body (script filters off). null when the body
 * is not a JSON object or array (binary, invalid JSON, a bare scalar); a path that cannot be
 * evaluated selects nothing. Used by checks (`json` kind) and extraction rules alike.
 */
export function jsonPathValues(r: { body: string; bodyEncoding?: string }, path: string): unknown[] | null {
  if (r.bodyEncoding && r.bodyEncoding !== 'utf8') return null;
  let json: unknown;
  try {
    json = JSON.parse(r.body);
  } catch {
    return null;
  }
  if (json === null || typeof json !== 'object') return null;
  try {
    return JSONPath({ path, json: json as object, wrap: true, eval: false }) as unknown[];
  } catch {
    return [];
  }
}
