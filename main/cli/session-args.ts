import { fail } from '../shared/errors';
import {
  describeExtracted,
  type ExtractRule,
  type JarMode,
  jarModeSchema,
  parseExtractSpec,
} from '../shared/sessions';
import type { ResponseRecord } from '../shared/types';

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

/** `re-logged in as alice`, `csrf = 9f2a… → alice`: what the session machinery did for a send. */
export function sessionLines(r: ResponseRecord): string[] {
  const lines: string[] = [];
  if (r.relogged) lines.push(`session had expired: re-logged in as ${r.profile} and sent again`);
  for (const e of r.extracted ?? []) lines.push(`extracted ${describeExtracted(e)}`);
  return lines;
}

/** The same for --json: only the keys that apply. */
export function sessionNotes(r: ResponseRecord): {
  relogged?: true;
  extracted?: ResponseRecord['extracted'];
} {
  return {
    ...(r.relogged ? { relogged: true as const } : {}),
    ...(r.extracted ? { extracted: r.extracted } : {}),
  };
}
