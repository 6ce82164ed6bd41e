import { statSync } from 'node:fs';
import path from 'node:path';
import { fail } from '../shared/errors';
import type { PartialResponse } from '../shared/limits';

/** `-o/--output FILE`: the absolute path to stream the body to, checked before anything is sent. */
export function outputPath(file: string, cwd: string): string {
  const target = path.resolve(cwd, file);
  const dir = path.dirname(target);
  const info = statSync(dir, { throwIfNoEntry: false });
  if (!info?.isDirectory()) fail('INVALID_FILE', `Cannot write ${file}: the folder ${dir} does not exist`);
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory())
    fail('INVALID_FILE', `Cannot write ${file}: it is a folder`);
  return target;
}

/** What a broken response had sent (TandemError.partial), indented under the error line on stderr. */
export function partialLines(partial: PartialResponse): string {
  const lines = ['  what arrived before it broke:', `  ${partial.statusLine || '(no status line)'}`];
  for (const [name, value] of partial.headers) lines.push(`  ${name}: ${value}`);
  return `${lines.join('\n')}\n`;
}
