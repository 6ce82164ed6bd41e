import packageJson from '../../package.json';
import type { Handlers } from '../contract';
import { attempt } from '../shared/errors';
import type { Profile } from '../shared/types';
import { browserHandlers } from './browser/login';
import { collectionHandlers } from './collections/handlers';
import { compareChannels } from './compare/channels';
import { environmentHandlers } from './environments/handlers';
import type { EventBus } from './events';
import { responseHandlers } from './http/channels';
import { closeDispatchers } from './http/send';
import { closeSpool, openSpool } from './http/spool';
import { interopHandlers } from './interop';
import { assertionHandlers } from './matrices/handlers';
import {
  clearCookies,
  deleteCookie,
  exportCookies,
  importCookies,
  listCookies,
  previewImport,
  setCookie,
} from './profiles/cookies';
import { createProfile } from './profiles/create';
import { announceCarried } from './profiles/rename';
import { Sender } from './profiles/send';
import { sessionHandlers } from './runs/channels';
import { RunJars } from './runs/jars';
import { settingsHandlers } from './settings/handlers';
import type { Notices } from './store/notices';
import type { SecretBox } from './store/secrets';
import { watchWorkspace } from './watch';
import { WorkbenchStore, workbenchHandlers } from './workbench/store';
import { closeWorkspace, followDemoUrl, openWorkspace, type SampleSource, seedIfFirstRun } from './workspace';

export interface TandemOptions {
  /** Workspace directory. Resolve it with resolveDataDir() (flag, TANDEM_HOME, OS app-data). */
  dataDir: string;
  host: 'electron' | 'web' | 'cli';
  /** Seals secrets at rest (the Electron shell passes one backed by safeStorage); default: the workspace key file. */
  secretBox?: SecretBox;
  /** Set by hosts that started the demo API in the background. */
  demoUrl?: string | null;
  /**
   * Seeds a first run from this sample (app hosts pass `sampleWorkspace` from main/demo; the CLI
   * passes nothing), and keeps profiles pointed at this run's demo URL.
   */
  seedSample?: SampleSource;
  /** Use this environment instead of the active one (the CLI's `--env NAME`); must exist. */
  environment?: string;
}

/** Everything the app can do: one function per contract channel, plus lifecycle. */
export type Tandem = Handlers & {
  readonly events: EventBus;
  readonly dataDir: string;
  /** One-line notices about the workspace (the CLI prints them; the app gets `workspace.notice`). */
  readonly notices: Notices;
  /** Waits for every queued write, then releases resources. */
  close(): Promise<void>;
};

export const VERSION: string = packageJson.version;

/** Open cores in this process; the engine's shared connection pools close with the last one. */
let openCount = 0;

async function closeCore(close: () => Promise<void>): Promise<void> {
  try {
    await close();
  } finally {
    if (--openCount === 0) await closeDispatchers();
  }
}

/**
 * Opens (or creates) the workspace at `opts.dataDir` and returns the core: one function per
 * contract channel, each returning a Result. The logic lives in the store modules; this maps.
 */
export async function createTandem(opts: TandemOptions): Promise<Tandem> {
  const ws = await openWorkspace(opts.dataDir, { secretBox: opts.secretBox });
  if (opts.environment)
    await ws.environments.pin(opts.environment).catch(async (e) => {
      await closeWorkspace(ws).catch(() => undefined);
      throw e;
    });
  const demoUrl = opts.demoUrl ?? null;
  if (opts.seedSample) await seedIfFirstRun(ws, demoUrl, opts.seedSample);
  if (opts.seedSample && demoUrl) await followDemoUrl(ws, demoUrl);
  const sender = new Sender(ws);
  const spool = openSpool(ws.dataDir);
  // App hosts keep every window current with changes the CLI or another app makes.
  const unwatch = opts.host === 'cli' ? () => {} : await watchWorkspace(ws);
  const { stop: stopRuns, ...sessions } = sessionHandlers(ws, sender);
  const compare = compareChannels({
    send: (a) => sender.send(a),
    cancel: (sendId) => sender.cancel(sendId),
    collections: () => ws.collections.list(),
    events: ws.events,
    run: (o) => new RunJars(ws, o),
  });
  const { profiles, history, events } = ws;
  /** Emits what changed with the result, so windows apply it without listing again. */
  const profilesChanged = <T>(value: T, change: (v: T) => { profile?: Profile; deleted?: string }): T => {
    events.emit('profiles.changed', change(value));
    return value;
  };
  const asProfile = (profile: Profile) => ({ profile });
  let closing: Promise<void> | null = null;
  openCount++;
  const unlistenNotices = ws.notices.listen((message) => events.emit('workspace.notice', { message }));

  return {
    events,
    dataDir: ws.dataDir,
    notices: ws.notices,
    close: () => {
      closing ??= closeCore(async () => {
        unwatch();
        compare.stop();
        stopRuns();
        await sender.stop();
        await closeSpool(ws.dataDir);
        await closeWorkspace(ws);
        unlistenNotices();
      });
      return closing;
    },

    'workspace.info': () =>
      attempt(() => ({
        dataDir: ws.dataDir,
        version: VERSION,
        demoUrl,
        host: opts.host,
        notices: ws.notices.all(),
      })),

    'profiles.list': () => attempt(() => profiles.list()),
    'profiles.create': (a) =>
      attempt(async () => profilesChanged(await createProfile(profiles, a), asProfile)),
    'profiles.rename': (a) =>
      attempt(async () => {
        await sender.settled(a.from);
        const { profile, carried } = await profiles.rename(a.from, a.to);
        announceCarried(events, carried, profile.name);
        return profilesChanged(profile, () => ({ profile, deleted: a.from }));
      }),
    'profiles.duplicate': (a) =>
      attempt(async () => profilesChanged(await profiles.duplicate(a.from, a.to), asProfile)),
    'profiles.delete': (a) =>
      attempt(async () => {
        await sender.settled(a.name);
        return profilesChanged(await profiles.delete(a.name), (d) => ({ deleted: d.deleted }));
      }),
    'profiles.update': (a) =>
      attempt(async () => profilesChanged(await profiles.update(a.name, a.patch), asProfile)),

    'request.send': (a) => attempt(() => sender.send(a)),
    'request.cancel': (a) => attempt(() => sender.cancel(a.sendId)),
    'request.compare': (a) => compare['request.compare'](a),
    'matrix.run': (a) => compare['matrix.run'](a),
    'matrix.cancel': (a) => compare['matrix.cancel'](a),
    'request.cancelCompare': (a) => compare['request.cancelCompare'](a),

    'cookies.list': (a) => attempt(() => listCookies(ws, a.profile)),
    'cookies.set': (a) => attempt(() => setCookie(ws, a.profile, a.cookie)),
    'cookies.delete': (a) => attempt(() => deleteCookie(ws, a.profile, a.key)),
    'cookies.clear': (a) => attempt(() => clearCookies(ws, a.profile, a.domain)),
    'cookies.import': (a) => attempt(() => importCookies(ws, a.profile, a.format, a.text, a.skipInvalid)),
    'cookies.previewImport': (a) => attempt(() => previewImport(a.format, a.text)),
    'cookies.export': (a) => attempt(() => exportCookies(ws, a.profile, a.format)),

    'history.list': (a) => attempt(() => history.list(a)),
    'history.clear': (a) => attempt(() => history.clear(a.profile)),
    ...responseHandlers(spool),

    ...collectionHandlers(ws),
    ...settingsHandlers(ws),
    ...sessions,
    ...workbenchHandlers(new WorkbenchStore(ws.dataDir, ws.queue), ws),
    ...interopHandlers(ws, VERSION),
    ...environmentHandlers(ws),
    ...browserHandlers(ws),
    ...assertionHandlers(ws),
  };
}
