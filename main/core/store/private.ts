import fs from 'node:fs/promises';
import path from 'node:path';
import { DIR_MODE, FILE_MODE } from './files';

/**
 * Makes an existing workspace private: every folder 0700, every file 0600 (Tandem before 0.1
 * left them 0755/0644, readable by every user of the machine). Returns how many FILES it changed
 * (folders are fixed too, silently: a fresh workspace folder made by a host's mkdir is no news).
 *
 * One stat when there is nothing to do: a workspace whose own folder is already private was
 * created (or fixed) by this version, so its contents are not walked. POSIX only.
 */
export async function privatizeWorkspace(dataDir: string): Promise<number> {
  if (process.platform === 'win32') return 0;
  const st = await fs.stat(dataDir);
  if ((st.mode & 0o077) === 0) return 0;
  let changed = 0;
  const fix = async (p: string, mode: number, current: number) => {
    if ((current & 0o777) === mode) return;
    await fs.chmod(p, mode).then(
      () => {
        if (mode === FILE_MODE) changed++;
      },
      () => undefined,
    );
  };
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    await Promise.all(
      entries.map(async (e) => {
        const p = path.join(dir, e.name);
        if (e.isSymbolicLink()) return;
        const s = await fs.lstat(p).catch(() => null);
        if (!s) return;
        if (e.isDirectory()) {
          await fix(p, DIR_MODE, s.mode);
          if (depth < 4) await walk(p, depth + 1);
        } else if (e.isFile()) await fix(p, FILE_MODE, s.mode);
      }),
    );
  };
  await walk(dataDir, 0);
  await fix(dataDir, DIR_MODE, st.mode);
  return changed;
}

export function privatizedNotice(dataDir: string, changed: number): string {
  const what = changed === 1 ? '1 file' : `${changed} files`;
  return `Workspace ${dataDir} made private: ${what} could be read by other users of this machine (now 0600, folders 0700)`;
}
