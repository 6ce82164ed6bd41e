import {
  environmentName,
  isPostmanEnvironment,
  type PostmanEnvironmentPreview,
  type PostmanVariable,
} from '../../shared/environments';
import { fail } from '../../shared/errors';
import type { SkippedItem } from '../../shared/interop';

/**
 * A Postman environment export (`{ name, values: [{ key, value, enabled, type }],
 * _postman_variable_scope }`) read as the Tandem environment it would become: the one
 * implementation behind the app's "Import Postman environment…" and `tandem import postman-env`.
 * Disabled values are left out; secret-typed ones are kept, as plain text like every environment
 * value (only a profile's secret variables are sealed). Writes nothing.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The file's text (or its parsed JSON), checked to be a Postman environment; else one line. */
function parse(text: string): { name?: unknown; values: unknown[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail(
      'INVALID_FILE',
      `Not a Postman environment: the file is not valid JSON (${(e as Error).message.split('\n')[0]})`,
    );
  }
  if (isObject(raw) && isObject(raw.info) && Array.isArray(raw.item))
    fail('INVALID_FILE', 'This file is a Postman collection, not an environment: import it as a collection');
  if (!isPostmanEnvironment(raw) || !isObject(raw) || !Array.isArray(raw.values))
    fail(
      'INVALID_FILE',
      'Not a Postman environment: expected "name" and a "values" list (in Postman: Environments, ⋯, Export)',
    );
  return raw as { name?: unknown; values: unknown[] };
}

/** A name an environment can have, from what the user or the file gave. */
function nameFrom(wanted: string): string {
  return wanted
    .trim()
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 64);
}

/**
 * What importing `text` as an environment named `name` (else the file's name) would create.
 * `taken` says whether a name is already an environment's: then `refusal` says so, in one line.
 */
export async function previewPostmanEnvironment(
  text: string,
  name: string | undefined,
  taken: (name: string) => Promise<boolean>,
): Promise<PostmanEnvironmentPreview> {
  const file = parse(text);
  const fileName = typeof file.name === 'string' ? file.name : null;
  const wanted = name?.trim() || fileName || 'postman';
  const chosen = nameFrom(wanted);
  const variables: Record<string, string> = {};
  const rows: PostmanVariable[] = [];
  const skipped: SkippedItem[] = [];
  for (const [i, v] of file.values.entries()) {
    const where = `values[${i}]`;
    if (!isObject(v)) {
      skipped.push({ where, reason: 'not a variable' });
      continue;
    }
    const { key, value, enabled, type } = v;
    if (typeof key !== 'string' || !key) {
      skipped.push({ where, reason: 'no key' });
      continue;
    }
    const secret = type === 'secret';
    if (enabled === false) {
      rows.push({ where, name: key, secret, imported: false, note: 'disabled in Postman: left out' });
      continue;
    }
    const stored =
      value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    const notes: string[] = [];
    if (secret) notes.push('secret in Postman: stored as plain text');
    if (stored === '') notes.push('empty in the file');
    const earlier = rows.find((r) => r.name === key && r.imported);
    if (earlier) {
      earlier.imported = false;
      earlier.note = 'given again below: the later value is kept';
    }
    variables[key] = stored;
    rows.push({ where, name: key, secret, imported: true, note: notes.length ? notes.join('; ') : null });
  }
  const secrets = rows.filter((r) => r.secret && r.imported).length;
  const notes = secrets
    ? [
        `${secrets} secret-typed value${secrets === 1 ? ' is' : 's are'} stored as plain text in environments/${chosen}.json, like every environment value (only a profile's secret variables are sealed)`,
      ]
    : [];
  let refusal: string | null = null;
  if (!environmentName.safeParse(chosen).success)
    refusal = `'${wanted}' cannot be an environment name: use letters, digits, _ . - (up to 64)`;
  else if (await taken(chosen))
    refusal = `An environment named '${chosen}' already exists: choose another name`;
  return { name: chosen, fileName, variables, rows, skipped, notes, refusal };
}
