import { fail } from '../shared/errors';
import {
  describeExtracted,
  type ExtractRule,
  type JarMode,
  jarModeSchema,
  parseExtractSpec,
  type SendPreview,
  SKIP_REASON_TEXT,
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

/**
 * `tandem send --dry-run`: the request line, the headers as they would go (the one Cookie header
 * among them), then the cookies that would and would not be sent, each with its source or reason.
 */
export function formatPreview(p: SendPreview): string {
  const lines = [`${p.request.method} ${p.request.url}`];
  for (const [n, v] of p.request.headers) lines.push(`${n}: ${v}`);
  lines.push('');
  if (p.cookies.send.length === 0) lines.push('cookies sent: none');
  for (const c of p.cookies.send)
    lines.push(
      `send  ${c.name}=${c.value}  (${c.source}${c.source === 'jar' ? `, ${c.domain}${c.path}` : ''})`,
    );
  for (const c of p.cookies.skip)
    lines.push(`skip  ${c.name}  (${c.domain}${c.path}): ${c.reason}, ${SKIP_REASON_TEXT[c.reason]}`);
  lines.push('(dry run: nothing was sent)');
  return `${lines.join('\n')}\n`;
}
