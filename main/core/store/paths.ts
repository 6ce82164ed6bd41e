import os from 'node:os';
import path from 'node:path';

/**
 * Where a workspace lives, and what is inside it. Every file is human-readable.
 *
 * ```
 * <dataDir>/settings.json                      Settings (theme, proxy, insecure, timeoutMs, maxRedirects)
 * <dataDir>/profiles/<name>/profile.json       color, variables, headers, cookieStore, createdAt
 * <dataDir>/profiles/<name>/cookies.jsonl      the jar: an append-only journal of cookie changes,
 *                                              one JSON line each ({"op":"set","cookie":{…}} or
 *                                              {"op":"delete","key":{domain,path,name}}), compacted
 *                                              now and then into one "set" line per live cookie
 * <dataDir>/profiles/<name>/cookies.lock       held only while the journal is being compacted
 * <dataDir>/profiles/.rename.json              a profile rename under way (finished on the next open)
 * <dataDir>/history/<name>.jsonl               sent requests of one profile, newest last, capped at 500
 * <dataDir>/collections/<id>.json              one collection: folders and saved requests
 * <dataDir>/environments/<name>.json           an environment: variables, production flag, per-profile values
 * <dataDir>/variables.json                     the global variables and the active environment
 * <dataDir>/matrices/<name>.json               a saved access matrix (collection, profiles, jars, expectations)
 * <dataDir>/demo.json                          URL of the demo API the app last started
 * <dataDir>/tabs.json                          the app's open request tabs with their unsaved drafts, and layout
 * <dataDir>/window.json                        the desktop window's size and position
 * ```
 *
 * A file that cannot be read is moved aside as `<file>.corrupt-<timestamp>` (never overwritten)
 * and the operation that needed it fails with STORE_CORRUPT; the rest keeps working.
 * The app and the CLI may use the same workspace at the same time: journals are only appended to.
 */

/** The `--data-dir` flag, else TANDEM_HOME, else the OS app-data folder the Electron app uses. */
export function resolveDataDir(
  opts: { dataDir?: string },
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (opts.dataDir) return path.resolve(opts.dataDir);
  if (env.TANDEM_HOME) return path.resolve(env.TANDEM_HOME);
  const home = env.HOME || env.USERPROFILE || os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Tandem');
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, 'Tandem');
  }
  const config = env.XDG_CONFIG_HOME || path.join(home, '.config');
  return path.join(config, 'Tandem');
}

export const layout = {
  settings: (dir: string) => path.join(dir, 'settings.json'),
  demoFile: (dir: string) => path.join(dir, 'demo.json'),
  tabs: (dir: string) => path.join(dir, 'tabs.json'),
  profilesDir: (dir: string) => path.join(dir, 'profiles'),
  profileDir: (dir: string, name: string) => path.join(dir, 'profiles', name),
  profileRename: (dir: string) => path.join(dir, 'profiles', '.rename.json'),
  environmentsDir: (dir: string) => path.join(dir, 'environments'),
  variables: (dir: string) => path.join(dir, 'variables.json'),
  matricesDir: (dir: string) => path.join(dir, 'matrices'),
  profileFile: (dir: string, name: string) => path.join(dir, 'profiles', name, 'profile.json'),
  journal: (dir: string, name: string) => path.join(dir, 'profiles', name, 'cookies.jsonl'),
  journalLock: (dir: string, name: string) => path.join(dir, 'profiles', name, 'cookies.lock'),
  historyDir: (dir: string) => path.join(dir, 'history'),
  history: (dir: string, name: string) => path.join(dir, 'history', `${name}.jsonl`),
  collectionsDir: (dir: string) => path.join(dir, 'collections'),
  collection: (dir: string, id: string) => path.join(dir, 'collections', `${id}.json`),
};

/** A path as the user reads it in messages: relative to the workspace, '/'-separated. */
export function shownPath(dataDir: string, file: string): string {
  return path.relative(dataDir, file).split(path.sep).join('/');
}
