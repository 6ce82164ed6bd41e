import fs from 'node:fs/promises';
import { isNotFound, writeGeneration } from './files';

export { wroteFiles } from './files';

/**
 * Telling whether a small file (settings.json, profile.json) changed without reading it.
 *
 * A stamp is inode, creation and modification time and size (every write replaces the file by
 * rename, so a change gets a new inode); 'none' when the file does not exist; null when it
 * cannot be told. On the send path a stamp is trusted for RECHECK_MS: another process's change
 * is noticed within that time, this process's own writes at once (they bump `generation`).
 */

export const RECHECK_MS = 100;

export async function stampOf(file: string): Promise<string | null> {
  try {
    const st = await fs.stat(file);
    return `${st.ino}:${st.birthtimeMs}:${st.ctimeMs}:${st.mtimeMs}:${st.size}`;
  } catch (e) {
    return isNotFound(e) ? 'none' : null;
  }
}

/** Stamps looked up at most once per RECHECK_MS per file (unless this process wrote meanwhile). */
export class RecentStamps {
  private readonly seen = new Map<string, { stamp: string | null; at: number; generation: number }>();

  async of(file: string): Promise<string | null> {
    const now = performance.now();
    const seen = this.seen.get(file);
    if (seen && seen.generation === writeGeneration() && now - seen.at < RECHECK_MS) return seen.stamp;
    const at = writeGeneration();
    const stamp = await stampOf(file);
    this.seen.set(file, { stamp, at: now, generation: at });
    return stamp;
  }
}
