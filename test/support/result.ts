import type { Result } from '../../main/shared/types';

/** The value of an ok result; a failed one throws `code: message`. */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
