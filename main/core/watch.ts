import { type FSWatcher, watch } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeDir } from './store/files';
import { layout } from './store/paths';
import { stampOf } from './store/stamp';
import type { Workspace } from './workspace';

/** Changes to one file are gathered this long before they are looked at (an edit is several fs events). */
const SETTLE_MS = 60;

/**
 * Notices changes another process (the CLI, a second app) makes to collections, settings and
 * environments and emits `collections.changed` / `settings.changed` / `environments.changed` for
 * them, as this process's own changes do. The environments (`environments/*.json` and
 * `variables.json`) are watched as one: their stamp is all their files' stamps.
 *
 * Each watched file's stamp (store/stamp.ts) is remembered; a file event whose stamp differs from
 * the remembered one is a change. This process's own changes already emitted their event, and
 * re-stamping on that event keeps the watcher from announcing them a second time.
 * Returns the function that stops watching.
 */
export async function watchWorkspace(ws: Workspace): Promise<() => void> {
  const { dataDir, events } = ws;
  const collectionsDir = layout.collectionsDir(dataDir);
  const settingsFile = layout.settings(dataDir);
  const environmentsDir = path.join(dataDir, 'environments');
  const variablesFile = path.join(dataDir, 'variables.json');
  /** The key the environments are known under (not a file). */
  const ENVIRONMENTS = environmentsDir + path.sep;
  await makeDir(collectionsDir);
  await makeDir(environmentsDir);

  const known = new Map<string, string | null>();
  const timers = new Map<string, NodeJS.Timeout>();
  const watchers: FSWatcher[] = [];
  let stopped = false;
  const environmentsStamp = async () => {
    const names = (await fs.readdir(environmentsDir).catch(() => [] as string[]))
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .sort();
    const stamps = await Promise.all(names.map((n) => stampOf(path.join(environmentsDir, n))));
    return [await stampOf(variablesFile), ...names.map((n, i) => `${n}=${stamps[i]}`)].join('|');
  };
  const stamp = (file: string) => (file === ENVIRONMENTS ? environmentsStamp() : stampOf(file));
  const restamp = async (file: string) => {
    known.set(file, await stamp(file));
  };
  /** This process's own changes, being re-stamped (see `check`). */
  const own = new Map<string, Promise<void>>();
  const ownChange = (file: string) => {
    const done = restamp(file).finally(() => {
      if (own.get(file) === done) own.delete(file);
    });
    own.set(file, done);
  };

  await restamp(settingsFile);
  await restamp(ENVIRONMENTS);
  for (const name of await fs.readdir(collectionsDir).catch(() => [] as string[]))
    if (name.endsWith('.json')) await restamp(path.join(collectionsDir, name));

  const offs = [
    events.on('settings.changed', () => ownChange(settingsFile)),
    events.on('collections.changed', (p) => {
      if (p.id) ownChange(layout.collection(dataDir, p.id));
    }),
    events.on('environments.changed', () => ownChange(ENVIRONMENTS)),
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
  const onDataDir = (name: string | null) => {
    if (name === null || name === 'variables.json') onEnvironments();
    if (name !== null && name !== 'settings.json') return;
    later(settingsFile, () => events.emit('settings.changed', {}));
  };

  for (const [dir, on] of [
    [collectionsDir, onCollection],
    [environmentsDir, onEnvironments],
    [dataDir, onDataDir],
  ] as const) {
    try {
      const w = watch(dir, { persistent: false }, (_type, name) => on(name ? String(name) : null));
      w.on('error', () => w.close());
      watchers.push(w);
    } catch {
      /* no file events on this system: changes from elsewhere show on the next read */
    }
  }

  return () => {
    stopped = true;
    for (const w of watchers) w.close();
    for (const t of timers.values()) clearTimeout(t);
    for (const off of offs) off();
  };
}
