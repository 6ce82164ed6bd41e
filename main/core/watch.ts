import { type FSWatcher, watch } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Profile } from '../shared/types';
import { isValidProfileName } from './profiles/names';
import { profileNamesOnDisk } from './profiles/store';
import { makeDir } from './store/files';
import { layout } from './store/paths';
import { stampOf } from './store/stamp';
import type { Workspace } from './workspace';

/** Changes to one file are gathered this long before they are looked at (an edit is several fs events). */
const SETTLE_MS = 60;

/** What the profiles were when last looked at: name → creation time. */
export type ProfilesSeen = ReadonlyMap<string, string>;

/**
 * The `profiles.changed` event for another process's change, from the profiles before and now.
 * One profile gone and one new with the same creation time is a rename (the core keeps
 * `createdAt` when it renames); one new is a create, one gone a delete; anything else (an edit,
 * several at once) says "read the list again". Pure.
 */
export function profilesChangeOf(
  before: ProfilesSeen,
  now: readonly Profile[],
): { profile?: Profile; deleted?: string } {
  const added = now.filter((p) => !before.has(p.name));
  const names = new Set(now.map((p) => p.name));
  const gone = [...before.keys()].filter((n) => !names.has(n));
  if (added.length === 1 && gone.length === 1 && before.get(gone[0]) === added[0].createdAt)
    return { profile: added[0], deleted: gone[0] };
  if (added.length === 1 && gone.length === 0) return { profile: added[0] };
  if (gone.length === 1 && added.length === 0) return { deleted: gone[0] };
  return {};
}

/**
 * Notices changes another process (the CLI, a second app) makes to the workspace and emits the
 * event this process's own change would have: `collections.changed`, `settings.changed`,
 * `environments.changed`, `profiles.changed` (the list, or a profile.json), `cookies.changed`
 * (a profile's jar) and `history.changed` (a profile's history). The environments
 * (`environments/*.json` and `variables.json`) are watched as one key, and so are the profiles
 * (every folder under `profiles/` and its profile.json): their stamp is all their files' stamps.
 *
 * Each watched key's stamp (store/stamp.ts) is remembered; a file event whose stamp differs from
 * the remembered one is a change. This process's own changes already emitted their event, and
 * re-stamping on that event keeps the watcher from announcing them a second time.
 * Returns the function that stops watching.
 */
export async function watchWorkspace(ws: Workspace): Promise<() => void> {
  const { dataDir, events } = ws;
  const collectionsDir = layout.collectionsDir(dataDir);
  const settingsFile = layout.settings(dataDir);
  const environmentsDir = layout.environmentsDir(dataDir);
  const variablesFile = layout.variables(dataDir);
  const profilesDir = layout.profilesDir(dataDir);
  const historyDir = layout.historyDir(dataDir);
  /** The keys the environments and the profiles are known under (not files). */
  const ENVIRONMENTS = environmentsDir + path.sep;
  const PROFILES = profilesDir + path.sep;
  await makeDir(collectionsDir);
  await makeDir(environmentsDir);
  await makeDir(profilesDir);
  await makeDir(historyDir);

  const known = new Map<string, string | null>();
  const timers = new Map<string, NodeJS.Timeout>();
  const watchers: FSWatcher[] = [];
  /** One watcher per profile folder (profile.json, cookies.jsonl), following the list. */
  const profileWatchers = new Map<string, FSWatcher>();
  let stopped = false;
  const profileNames = async () => (await profileNamesOnDisk(dataDir).catch(() => [])).sort();
  const stampsOf = async (names: string[], file: (name: string) => string) => {
    const stamps = await Promise.all(names.map((n) => stampOf(file(n))));
    return names.map((n, i) => `${n}=${stamps[i]}`);
  };
  const environmentsStamp = async () => {
    const names = (await fs.readdir(environmentsDir).catch(() => [] as string[]))
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .sort();
    const stamps = await stampsOf(names, (n) => path.join(environmentsDir, n));
    return [await stampOf(variablesFile), ...stamps].join('|');
  };
  const profilesStamp = async () =>
    (await stampsOf(await profileNames(), (n) => layout.profileFile(dataDir, n))).join('|');
  const stamp = (file: string) =>
    file === ENVIRONMENTS ? environmentsStamp() : file === PROFILES ? profilesStamp() : stampOf(file);
  const restamp = async (file: string) => {
    known.set(file, await stamp(file));
  };
  /**
   * This process's own changes, being re-stamped (see `check`). A send's history line and jar
   * changes are written behind, after their event: the stamp is taken once the writes queued so
   * far are done.
   */
  const own = new Map<string, Promise<void>>();
  const ownChange = (file: string, also?: () => Promise<void>) => {
    const done = ws.queue
      .run(() => undefined)
      .then(() => restamp(file))
      .then(also)
      .finally(() => {
        if (own.get(file) === done) own.delete(file);
      });
    own.set(file, done);
  };

  /** The profiles as last seen (see profilesChangeOf). */
  let profilesSeen: ProfilesSeen = new Map();
  const listProfiles = () => ws.profiles.list().catch(() => null);
  const remember = (now: readonly Profile[] | null) => {
    if (now) profilesSeen = new Map(now.map((p) => [p.name, p.createdAt]));
  };
  const seeProfiles = async () => remember(await listProfiles());
  /** Another process changed the profiles: say what, as this process's own change would have. */
  const announceProfiles = async () => {
    const now = await listProfiles();
    if (stopped) return;
    const change = now ? profilesChangeOf(profilesSeen, now) : {};
    remember(now);
    events.emit('profiles.changed', change);
  };

  await restamp(settingsFile);
  await restamp(ENVIRONMENTS);
  await restamp(PROFILES);
  await seeProfiles();
  for (const name of await fs.readdir(collectionsDir).catch(() => [] as string[]))
    if (name.endsWith('.json')) await restamp(path.join(collectionsDir, name));
  for (const name of await profileNames()) await restamp(layout.journal(dataDir, name));
  for (const name of await fs.readdir(historyDir).catch(() => [] as string[]))
    if (name.endsWith('.jsonl')) await restamp(path.join(historyDir, name));

  const offs = [
    events.on('settings.changed', () => ownChange(settingsFile)),
    events.on('collections.changed', (p) => {
      if (p.id) ownChange(layout.collection(dataDir, p.id));
    }),
    events.on('environments.changed', () => ownChange(ENVIRONMENTS)),
    events.on('profiles.changed', () => ownChange(PROFILES, seeProfiles)),
    events.on('cookies.changed', (p) => ownChange(layout.journal(dataDir, p.profile))),
    events.on('history.changed', (p) => ownChange(layout.history(dataDir, p.profile))),
  ];

  const check = async (file: string, announce: (gone: boolean) => void) => {
    // A write of this process may still be finishing (the directory's fsync comes after the
    // rename the watcher saw): wait for every write queued so far, for its event to be emitted
    // (a macrotask later), and for that event's re-stamp; then only another process's change is left.
    await ws.queue.run(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    await own.get(file);
    const before = known.get(file);
    const now = await stamp(file);
    if (stopped || now === before) return;
    known.set(file, now);
    announce(now === 'none');
  };
  const later = (file: string, announce: (gone: boolean) => void) => {
    clearTimeout(timers.get(file));
    timers.set(
      file,
      setTimeout(() => {
        timers.delete(file);
        void check(file, announce);
      }, SETTLE_MS),
    );
  };

  const onCollection = (name: string | null) => {
    if (!name) {
      events.emit('collections.changed', {});
      return;
    }
    if (!name.endsWith('.json') || name.startsWith('.')) return;
    const id = name.slice(0, -'.json'.length);
    later(path.join(collectionsDir, name), (gone) =>
      events.emit('collections.changed', gone ? { id, deleted: true } : { id }),
    );
  };
  const onEnvironments = () => later(ENVIRONMENTS, () => events.emit('environments.changed', {}));
  const onProfiles = () => {
    later(PROFILES, () => void announceProfiles());
    void followProfiles();
  };
  const onProfileFolder = (profile: string) => (name: string | null) => {
    if (name === null || name === 'profile.json') onProfiles();
    if (name === null || name === 'cookies.jsonl')
      later(layout.journal(dataDir, profile), () => events.emit('cookies.changed', { profile }));
  };
  const onHistory = (name: string | null) => {
    if (name === null) {
      for (const file of known.keys())
        if (file.startsWith(historyDir + path.sep)) onHistory(path.basename(file));
      return;
    }
    const profile = name.endsWith('.jsonl') ? name.slice(0, -'.jsonl'.length) : '';
    if (!isValidProfileName(profile)) return;
    later(path.join(historyDir, name), () => events.emit('history.changed', { profile }));
  };
  const onDataDir = (name: string | null) => {
    if (name === null || name === 'variables.json') onEnvironments();
    if (name !== null && name !== 'settings.json') return;
    later(settingsFile, () => events.emit('settings.changed', {}));
  };

  function watchDir(dir: string, on: (name: string | null) => void): FSWatcher | null {
    try {
      const w = watch(dir, { persistent: false }, (_type, name) => on(name ? String(name) : null));
      w.on('error', () => w.close());
      return w;
    } catch {
      /* no file events on this system (or the folder is gone): changes show on the next read */
      return null;
    }
  }
  /** A watcher for each profile folder there is, and none for a folder gone (deleted, renamed). */
  async function followProfiles(): Promise<void> {
    const names = new Set(await profileNames());
    if (stopped) return;
    for (const [name, w] of profileWatchers)
      if (!names.has(name)) {
        w.close();
        profileWatchers.delete(name);
      }
    for (const name of names) {
      if (profileWatchers.has(name)) continue;
      const w = watchDir(layout.profileDir(dataDir, name), onProfileFolder(name));
      if (w) profileWatchers.set(name, w);
    }
  }

  for (const [dir, on] of [
    [collectionsDir, onCollection],
    [environmentsDir, onEnvironments],
    [dataDir, onDataDir],
    [profilesDir, onProfiles],
    [historyDir, onHistory],
  ] as const) {
    const w = watchDir(dir, on);
    if (w) watchers.push(w);
  }
  await followProfiles();

  return () => {
    stopped = true;
    for (const w of watchers) w.close();
    for (const w of profileWatchers.values()) w.close();
    for (const t of timers.values()) clearTimeout(t);
    for (const off of offs) off();
  };
}
