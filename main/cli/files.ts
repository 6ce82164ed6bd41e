import { statSync } from 'node:fs';

/** Whether `path` names a regular file (false when it is missing, a folder or unreadable). */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
