import { fail } from '../shared/errors';
import { type ExtractRule, type JarMode, jarModeSchema, parseExtractSpec } from '../shared/sessions';

/** `--jars copy|fresh|live`. */
export function parseJarMode(raw: string): JarMode {
  const parsed = jarModeSchema.safeParse(raw);
  if (!parsed.success) fail('INVALID_ARGUMENT', `Invalid --jars '${raw}': use copy, fresh or live`);
  return parsed.data;
}

/** Every `--extract NAME=source:expr`, checked before anything is sent. */
export function parseExtractArgs(raw: readonly string[] | undefined): ExtractRule[] {
  return (raw ?? []).map((spec) => {
    const r = parseExtractSpec(spec);
    if (!r.ok) fail('INVALID_ARGUMENT', r.message);
    return r.rule;
  });
}
