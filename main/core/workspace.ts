import fs from 'node:fs/promises';
import { sampleWorkspace } from '../demo/sample';
import { fail } from '../shared/errors';
import { CollectionStore } from './collections/store';
import { EventBus } from './events';
import { HistoryStore } from './history/store';
import { ProfileStore } from './profiles/store';
import { SettingsStore } from './settings/store';
import { isNotFound, writeJsonFile } from './store/files';
import { layout } from './store/paths';
import { WriteQueue } from './store/queue';

/** The stores of one workspace directory, sharing one write queue and one event bus. */
export interface Workspace {
  readonly dataDir: string;
  readonly queue: WriteQueue;
  readonly events: EventBus;
  readonly profiles: ProfileStore;
  readonly history: HistoryStore;
  readonly collections: CollectionStore;
  readonly settings: SettingsStore;
}

export async function openWorkspace(dataDir: string): Promise<Workspace> {
  try {
    await fs.mkdir(dataDir, { recursive: true });
  } catch (e) {
    fail(
      'STORE_IO',
      `Cannot use ${dataDir} as the workspace (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const queue = new WriteQueue();
  const history = new HistoryStore(dataDir, queue);
  return {
    dataDir,
    queue,
    events: new EventBus(),
    history,
    profiles: new ProfileStore(dataDir, queue, history),
    collections: new CollectionStore(dataDir, queue),
    settings: new SettingsStore(dataDir, queue),
  };
}

/**
 * Writes every pending change (jars, history, files) and lets go of the jars. Throws the first
 * write that failed (sends write behind, so this is where such a failure is reported).
 */
export async function closeWorkspace(ws: Workspace): Promise<void> {
  const failures: unknown[] = [];
  await ws.profiles.close().catch((e) => failures.push(e));
  await ws.queue.drain();
  await ws.history.flush().catch((e) => failures.push(e));
  if (failures.length) throw failures[0];
}

/** Used when the host did not start the demo API: where `npm run web`/the app usually serve it. */
export const FALLBACK_DEMO_URL = 'http://127.0.0.1:8787';

/**
 * First run (no `profiles/` directory yet): creates alice, bob and anonymous and the sample
 * collection from `sampleWorkspace(demoUrl)`. Returns whether it seeded.
 */
export async function seedIfFirstRun(ws: Workspace, demoUrl: string | null): Promise<boolean> {
  try {
    await fs.stat(layout.profilesDir(ws.dataDir));
    return false;
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  const sample = sampleWorkspace(demoUrl ?? FALLBACK_DEMO_URL);
  for (const p of sample.profiles) {
    await ws.profiles.create(p.name, p.color);
    await ws.profiles.update(p.name, { variables: p.variables });
  }
  await ws.collections.create(sample.collection.name, sample.collection);
  return true;
}

/**
 * The app starts the demo API on a port that may differ between runs. Profiles whose `baseUrl`
 * still points at the demo URL of the previous run are moved to this run's; anything the user
 * pointed elsewhere is left alone. The last URL is kept in `<dataDir>/demo.json`.
 */
export async function followDemoUrl(ws: Workspace, demoUrl: string): Promise<void> {
  const file = layout.demoFile(ws.dataDir);
  let previous: string = FALLBACK_DEMO_URL;
  try {
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { url?: unknown };
    if (typeof saved.url === 'string') previous = saved.url;
  } catch {
    /* first run, or an unreadable note: assume the default port */
  }
  if (previous === demoUrl) return;
  for (const p of await ws.profiles.list()) {
    if (p.variables.baseUrl === previous) {
      await ws.profiles.update(p.name, { variables: { ...p.variables, baseUrl: demoUrl } });
    }
  }
  await writeJsonFile(file, { url: demoUrl });
}
