import fs from 'node:fs/promises';
import { fail } from '../shared/errors';
import type { ExpiryRules, ExtractRule } from '../shared/sessions';
import type { Expectation, RequestSpec } from '../shared/types';
import { CollectionStore } from './collections/store';
import { EnvironmentStore } from './environments/store';
import { EventBus } from './events';
import { HistoryStore } from './history/store';
import { finishInterruptedRename } from './profiles/rename';
import { ProfileStore, secretValues } from './profiles/store';
import { SettingsStore } from './settings/store';
import { isNotFound, makeDir, writeJsonFile } from './store/files';
import { Notices } from './store/notices';
import { layout } from './store/paths';
import { privatizedNotice, privatizeWorkspace } from './store/private';
import { WriteQueue } from './store/queue';
import { Sealer, type SecretBox } from './store/secrets';

/** The stores of one workspace directory, sharing one write queue and one event bus. */
export interface Workspace {
  readonly dataDir: string;
  readonly queue: WriteQueue;
  readonly events: EventBus;
  readonly profiles: ProfileStore;
  readonly history: HistoryStore;
  readonly collections: CollectionStore;
  readonly settings: SettingsStore;
  /** Environments and global variables (`environments/`, `variables.json`). */
  readonly environments: EnvironmentStore;
  /** One-line notices about the workspace (permissions fixed, damaged lines set aside). */
  readonly notices: Notices;
}

export async function openWorkspace(
  dataDir: string,
  opts: { secretBox?: SecretBox } = {},
): Promise<Workspace> {
  try {
    await makeDir(dataDir);
  } catch (e) {
    fail(
      'STORE_IO',
      `Cannot use ${dataDir} as the workspace (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const notices = new Notices();
  const changed = await privatizeWorkspace(dataDir).catch(() => 0);
  if (changed > 0) notices.add(privatizedNotice(dataDir, changed));
  const queue = new WriteQueue();
  const history = new HistoryStore(dataDir, queue);
  const sealer = new Sealer(dataDir, opts.secretBox);
  // A profile rename a crash interrupted is finished before anything reads the workspace.
  await finishInterruptedRename(dataDir, history, notices);
  const profiles = new ProfileStore(dataDir, queue, history, undefined, notices, sealer);
  const settings = new SettingsStore(dataDir, queue);
  // History keeps no credentials unless the setting says so (core/history/redact.ts).
  history.setRedaction(async (name) => {
    if ((await settings.current()).keepFullHistory) return null;
    const profile = await profiles.get(name, true).catch(() => null);
    return profile ? secretValues(profile) : [];
  });
  return {
    dataDir,
    queue,
    events: new EventBus(),
    notices,
    history,
    profiles,
    collections: new CollectionStore(dataDir, queue, sealer, notices),
    settings,
    environments: new EnvironmentStore(dataDir, queue),
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

/** What a first run seeds: profiles with their variables, and one collection. */
export interface SeedWorkspace {
  profiles: Array<{
    name: string;
    color: string;
    variables: Record<string, string>;
    /** A login recipe: the collection's requests by `folder/name`, in order. */
    login?: { steps: string[]; expiry?: ExpiryRules };
  }>;
  collection: {
    name: string;
    folders: string[];
    requests: Array<{ name: string; folder: string; request: RequestSpec; extract?: ExtractRule[] }>;
    /** Matrix expectations by `folder/name` → profile. */
    expect?: Record<string, Record<string, Expectation>>;
  };
}

/** Builds the seed for a demo API URL. The host passes it in (the app: `sampleWorkspace` from main/demo). */
export type SampleSource = (demoUrl: string) => SeedWorkspace;

/**
 * First run (no `profiles/` directory yet): creates the sample's profiles (alice, bob and
 * anonymous) and its collection from `sample(demoUrl)`. Returns whether it seeded.
 */
export async function seedIfFirstRun(
  ws: Workspace,
  demoUrl: string | null,
  sample: SampleSource,
): Promise<boolean> {
  try {
    await fs.stat(layout.profilesDir(ws.dataDir));
    return false;
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  const seed = sample(demoUrl ?? FALLBACK_DEMO_URL);
  for (const p of seed.profiles) {
    await ws.profiles.create(p.name, p.color);
    await ws.profiles.update(p.name, { variables: p.variables });
  }
  const c = await ws.collections.create(seed.collection.name, seed.collection);
  const idOf = (ref: string) => {
    const r = c.requests.find((x) => `${x.folder}/${x.name}` === ref);
    if (!r) throw new Error(`The sample names a request '${ref}' it does not have`);
    return r.id;
  };
  for (const p of seed.profiles)
    if (p.login)
      await ws.profiles.update(p.name, {
        login: {
          steps: p.login.steps.map((ref) => ({ collectionId: c.id, requestId: idOf(ref) })),
          ...(p.login.expiry ? { expiry: p.login.expiry } : {}),
        },
      });
  if (seed.collection.expect) {
    const expect: Record<string, Record<string, Expectation>> = {};
    for (const [ref, row] of Object.entries(seed.collection.expect)) expect[idOf(ref)] = row;
    await ws.collections.setExpectations(c.id, expect);
  }
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
