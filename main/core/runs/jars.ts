import { randomUUID } from 'node:crypto';
import { toTandemError } from '../../shared/errors';
import {
  type JarMode,
  RUN_STEPS_KEPT,
  type RunKind,
  type RunRecord,
  type RunStep,
} from '../../shared/sessions';
import type {
  Collection,
  HistoryEntry,
  Profile,
  RequestSpec,
  ResponseRecord,
  Settings,
} from '../../shared/types';
import { ProfileJar } from '../cookies/jar';
import { type LevelSnapshot, withLevels } from '../environments/store';
import { send } from '../http/send';
import { spoolFor } from '../http/spool';
import type { Workspace } from '../workspace';
import { applyRules } from './extract';
import { runLogin, type SendItem, type SendMeta, type SessionOps, sendWithSession } from './session';

/**
 * A run's view of its profiles, by jar mode:
 * - copy: an in-memory copy of each profile's jar and variables (the profile's files are never written);
 * - fresh: an empty jar and a copy of the variables;
 * - live: the profile's own jar (written as usual) and variables (extracted values are saved).
 * Every send is recorded as one step of the run; the run adds one history entry at the end.
 */

interface RunProfile {
  profile: Profile;
  jar: ProfileJar;
  ops: SessionOps;
  ready: Promise<void>;
  /** The profile as it last sent (levels merged), kept while `profile` and the collection are the same objects. */
  sending?: { from: Profile; collection: Collection | null; as: Profile };
}

export interface RunJarsOptions {
  kind: RunKind;
  jars: JarMode;
  title: string;
  /** Run each profile's login recipe before its first request (fresh always does). */
  loginFirst?: boolean;
  /** Re-login and retry once on an expired session (default: each profile's own setting). */
  relogin?: boolean;
  /** The collection being run (its variables are the collection level); else found by request id. */
  collection?: Collection;
}

export class RunJars {
  private readonly profiles = new Map<string, Promise<RunProfile>>();
  /** Profiles whose state is made and logged in (most sends take this path). */
  private readonly ready = new Map<string, RunProfile>();
  private readonly liveTouched = new Set<string>();
  private settings: Promise<Settings> | null = null;
  readonly steps: RunStep[] = [];
  private omitted = 0;
  private readonly started = new Date();

  constructor(
    private readonly ws: Workspace,
    readonly opts: RunJarsOptions,
  ) {}

  private levels: Promise<{ snap: LevelSnapshot; collections: Collection[] }> | null = null;

  /** The profile as it sends: global, collection and environment levels read once per run. */
  private async sendingAs(rp: RunProfile, requestId?: string): Promise<Profile> {
    this.levels ??= Promise.all([
      this.ws.environments.snapshot(),
      this.opts.collection ? [] : this.ws.collections.list().catch(() => []),
    ]).then(([snap, collections]) => ({ snap, collections }));
    const { snap, collections } = await this.levels;
    const collection =
      this.opts.collection ?? collections.find((c) => c.requests.some((r) => r.id === requestId)) ?? null;
    // Merged once per profile and collection, again only after extraction changed the variables.
    const last = rp.sending;
    if (last && last.from === rp.profile && last.collection === collection) return last.as;
    const as = withLevels(snap, rp.profile, collection);
    rp.sending = { from: rp.profile, collection, as };
    return as;
  }

  /** Settings (and the limits in them) read once per run. */
  private setting(): Promise<Settings> {
    this.settings ??= this.ws.settings.current();
    return this.settings;
  }

  private record(step: RunStep): void {
    if (this.steps.length < RUN_STEPS_KEPT) this.steps.push(step);
    else this.omitted++;
  }

  /** The run's state for a profile, made on first use (and logged in first when asked). */
  session(name: string, signal?: AbortSignal): Promise<RunProfile> {
    const ready = this.ready.get(name);
    if (ready) return Promise.resolve(ready);
    let p = this.profiles.get(name);
    if (!p) {
      p = this.open(name, signal);
      this.profiles.set(name, p);
    }
    return p.then(async (rp) => {
      await rp.ready;
      this.ready.set(name, rp);
      return rp;
    });
  }

  private async open(name: string, signal?: AbortSignal): Promise<RunProfile> {
    const { ws } = this;
    const mode = this.opts.jars;
    let profile: Profile;
    let jar: ProfileJar;
    if (mode === 'live') {
      const opened = await ws.profiles.open(name);
      profile = { ...opened.profile, variables: { ...opened.profile.variables } };
      jar = opened.journal.jar;
      this.liveTouched.add(name);
    } else {
      profile = structuredClone(await ws.profiles.get(name));
      jar = new ProfileJar();
      if (mode === 'copy') {
        const live = await ws.profiles.jar(name);
        for (const c of live.jar.all()) jar.apply(live.jar.lineOf(c));
      }
    }
    const rp: RunProfile = {
      profile,
      jar,
      ops: undefined as unknown as SessionOps,
      ready: Promise.resolve(),
    };
    rp.ops = {
      profile: () => rp.profile,
      jar: () => rp.jar,
      collections: () => ws.collections.list(),
      sendOnce: (item, meta) => this.sendOnce(rp, item, meta, signal),
    };
    const wantsLogin = (this.opts.loginFirst || mode === 'fresh') && profile.login;
    // A recipe that fails is recorded in the steps; the run goes on with what it has.
    if (wantsLogin)
      rp.ready = runLogin(rp.ops).then(
        () => undefined,
        () => undefined,
      );
    return rp;
  }

  private async sendOnce(
    rp: RunProfile,
    item: SendItem,
    meta: SendMeta,
    signal?: AbortSignal,
  ): Promise<ResponseRecord> {
    const started = Date.now();
    // The step is built once and filled in, its optional fields set only when they apply: V8
    // (Node 20) copies `{ ...base, more }` through a slow path, and this runs for every request.
    const step: RunStep = {
      profile: rp.profile.name,
      name: item.name ?? item.request.url,
      method: item.request.method,
      url: item.request.url,
      status: null,
      error: null,
      durationMs: 0,
      size: 0,
    };
    if (item.requestId) step.requestId = item.requestId;
    if (meta.role) step.role = meta.role;
    let response: ResponseRecord;
    try {
      response = await send(item.request, {
        profile: await this.sendingAs(rp, item.requestId),
        jar: rp.jar,
        settings: await this.setting(),
        signal,
        spool: spoolFor(this.ws.dataDir),
      });
    } catch (e) {
      const error = toTandemError(e);
      step.error = { code: error.code, message: error.message };
      step.durationMs = Date.now() - started;
      this.record(step);
      throw e;
    }
    if (meta.role === 'retry') response.relogged = true;
    if (item.extract?.length) {
      const jarValue = (n: string) =>
        rp.jar.cookiesFor(response.hops.at(-1)?.url ?? response.request.url).find((c) => c.key === n)
          ?.value ?? null;
      const { extracted, variables } = applyRules(item.extract, response, rp.profile.name, jarValue);
      response.extracted = extracted;
      if (Object.keys(variables).length) {
        rp.profile = { ...rp.profile, variables: { ...rp.profile.variables, ...variables } };
        if (this.opts.jars === 'live') {
          const current = await this.ws.profiles.get(rp.profile.name);
          await this.ws.profiles.update(rp.profile.name, {
            variables: { ...current.variables, ...variables },
          });
        }
      }
    }
    step.url = response.request.url;
    step.status = response.status;
    step.durationMs = Math.round(response.timings.total);
    step.size = response.size;
    if (response.relogged) step.relogged = true;
    if (response.extracted) step.extracted = response.extracted;
    this.record(step);
    return response;
  }

  /** Sends as a profile within the run (re-login and retry once when its session expired). */
  async send(profile: string, item: SendItem, signal?: AbortSignal): Promise<ResponseRecord> {
    const rp = await this.session(profile, signal);
    return sendWithSession(rp.ops, item, { relogin: this.opts.relogin });
  }

  /** Convenience for compare and the matrix: a spec sent as a profile. */
  sendSpec(profile: string, request: RequestSpec, signal?: AbortSignal): Promise<ResponseRecord> {
    return this.send(profile, { request }, signal);
  }

  /** The run's one history entry (kind "run"), written behind; live jars announce their changes. */
  finish(profiles: string[]): HistoryEntry {
    const run: RunRecord = {
      kind: this.opts.kind,
      jars: this.opts.jars,
      title: this.opts.title,
      profiles,
      // Grouped by profile (in the run's order), each profile's steps in the order they ran.
      steps: this.steps
        .map((step, i) => ({ step, i, p: profiles.indexOf(step.profile) }))
        .sort((a, b) => a.p - b.p || a.i - b.i)
        .map((x) => x.step),
      stepsOmitted: this.omitted,
    };
    const total = this.steps.length + this.omitted;
    const failed = this.steps.filter((s) => s.status === null).length;
    const entry: HistoryEntry = {
      id: randomUUID(),
      kind: 'run',
      profile: profiles[0] ?? 'default',
      method: 'RUN',
      url: this.opts.title,
      status: null,
      error: failed
        ? { code: 'NETWORK_ERROR', message: `${failed} of ${total} requests got no response` }
        : null,
      durationMs: Date.now() - this.started.getTime(),
      size: this.steps.reduce((n, s) => n + s.size, 0),
      at: this.started.toISOString(),
      request: { method: 'RUN', url: this.opts.title, headers: [], body: { type: 'none' } },
      run,
    };
    this.ws.history.append(entry).catch(() => undefined);
    this.ws.events.emit('history.changed', { profile: entry.profile });
    if (this.opts.jars === 'live') {
      for (const p of this.liveTouched) this.ws.events.emit('cookies.changed', { profile: p });
      this.ws.events.emit('profiles.changed', {});
    }
    return entry;
  }
}
