import { randomUUID } from 'node:crypto';
import { TandemFailure, toTandemError } from '../../shared/errors';
import { refuseRedacted } from '../../shared/redaction';
import type { Extracted, ExtractRule } from '../../shared/sessions';
import type { HistoryEntry, Profile, RequestSpec, ResponseRecord, Settings } from '../../shared/types';
import { cookieLimitsOf } from '../cookies/limits';
import { collectionOf } from '../environments/handlers';
import { withLevels } from '../environments/store';
import { keptResponse } from '../history/keep';
import { send } from '../http/send';
import { spoolFor } from '../http/spool';
import { applyRules } from '../runs/extract';
import { runLogin, type SessionOps, sendWithSession } from '../runs/session';
import type { CookieJournal } from '../store/journal';
import type { Workspace } from '../workspace';

/**
 * Sends a request as a profile: catches the jar up with other processes, calls the engine,
 * records history (ok or failed, written behind) and announces what changed. The response is
 * returned as soon as the engine has it. One AbortController per sendId.
 */
const EARLY_CANCEL_MS = 30_000;

export interface SendArgs {
  profile: string;
  request: RequestSpec;
  sendId?: string;
  /** The saved request this is (a recipe step never triggers a re-login). */
  requestId?: string;
  /** Values to take from the response into the profile's variables. */
  extract?: ExtractRule[];
  /** false: no re-login for this send even when the profile's recipe allows it. */
  relogin?: boolean;
  /** Absolute path: the whole body is streamed to this file instead of `body` (`tandem send -o`). */
  output?: string;
  /** With `output`: write the body as received, still content-encoded (`tandem send -o FILE --raw`). */
  rawOutput?: boolean;
}

export class Sender {
  private readonly inFlight = new Map<string, AbortController>();
  /** Sends (and logins) under way, with the profile each runs as. */
  private readonly running = new Map<Promise<unknown>, string>();
  /** Cancels that arrived before their send (IPC and HTTP calls may overtake each other). */
  private readonly cancelledEarly = new Map<string, number>();

  constructor(private readonly ws: Workspace) {}

  cancel(sendId: string): { cancelled: boolean } {
    const c = this.inFlight.get(sendId);
    if (c) {
      c.abort();
      return { cancelled: true };
    }
    const now = Date.now();
    for (const [id, at] of this.cancelledEarly)
      if (now - at > EARLY_CANCEL_MS) this.cancelledEarly.delete(id);
    this.cancelledEarly.set(sendId, now);
    return { cancelled: false };
  }

  /** Cancels every send in flight and waits until each has recorded its history. */
  async stop(): Promise<void> {
    for (const c of this.inFlight.values()) c.abort();
    await Promise.allSettled([...this.running.keys()]);
  }

  /**
   * Resolves once every send as `profile` under way now has finished and queued its history and
   * jar changes: a rename or delete of the profile waits for it, so nothing is written under a
   * name that has just gone.
   */
  async settled(profile: string): Promise<void> {
    const mine = [...this.running].filter(([, p]) => p === profile).map(([r]) => r);
    await Promise.allSettled(mine);
  }

  send(args: SendArgs): Promise<ResponseRecord> {
    // A request reopened from history may still hold its [redacted] placeholders: never sent,
    // whichever host asks (the app, web mode, the CLI).
    const refused = refuseRedacted(args.request);
    if (refused) return Promise.reject(new TandemFailure(refused.code, refused.message));
    return this.track(this.withSession(args), args.profile);
  }

  private track<T>(running: Promise<T>, profile: string): Promise<T> {
    this.running.set(running, profile);
    const forget = () => this.running.delete(running);
    running.then(forget, forget);
    return running;
  }

  /**
   * One send as the profile, kept alive: extraction rules applied to its variables, and when
   * the profile's recipe says the session expired, the recipe runs and the send is retried once
   * (each send recorded in history; the retry's response says `relogged`).
   */
  private async withSession(args: SendArgs): Promise<ResponseRecord> {
    const ops = await this.liveOps(args);
    const extract = args.extract ?? (args.requestId ? await this.savedRules(args.requestId) : undefined);
    return sendWithSession(
      ops,
      { request: args.request, requestId: args.requestId, extract },
      { relogin: args.relogin },
    );
  }

  /** The extraction rules of the saved request with this id (ids are unique across collections). */
  private async savedRules(requestId: string): Promise<ExtractRule[] | undefined> {
    for (const c of await this.ws.collections.list().catch(() => []))
      for (const r of c.requests) if (r.id === requestId) return r.extract;
    return undefined;
  }

  /** Runs the profile's login recipe against its own jar (each step in history). */
  login(profile: string): Promise<{ response: ResponseRecord; extracted: Extracted[] }> {
    return this.track(
      this.liveOps({
        profile,
        request: { method: 'GET', url: '', headers: [], body: { type: 'none' } },
      }).then(runLogin),
      profile,
    );
  }

  private async liveOps(args: SendArgs): Promise<SessionOps> {
    const opened = await this.ws.profiles.open(args.profile);
    let current: Profile = opened.profile;
    let journal: CookieJournal = opened.journal;
    return {
      profile: () => current,
      jar: () => journal.jar,
      collections: () => this.ws.collections.list(),
      sendOnce: (item, meta) =>
        this.run(
          {
            // A login step is its own request: none of the caller's options (sendId, output…).
            ...(meta.role === 'login' ? { profile: args.profile } : args),
            request: item.request,
            sendId: meta.role ? undefined : args.sendId,
            extract: item.extract,
            relogged: meta.role === 'retry',
          },
          (p, j) => {
            current = p;
            journal = j;
          },
        ),
    };
  }

  private async run(
    args: SendArgs & { relogged?: boolean },
    seen: (profile: Profile, journal: CookieJournal) => void = () => {},
  ): Promise<ResponseRecord> {
    const { ws } = this;
    const sendId = args.sendId ?? randomUUID();
    const controller = new AbortController();
    this.inFlight.get(sendId)?.abort();
    this.inFlight.set(sendId, controller);
    if (this.cancelledEarly.delete(sendId)) controller.abort();
    const release = () => {
      if (this.inFlight.get(sendId) === controller) this.inFlight.delete(sendId);
    };
    let opened: Awaited<ReturnType<typeof ws.profiles.open>>;
    let settings: Settings;
    try {
      [opened, settings] = await Promise.all([ws.profiles.open(args.profile), ws.settings.current()]);
    } catch (e) {
      release();
      throw e;
    }
    let { profile } = opened;
    const { journal } = opened;
    seen(profile, journal);
    journal.jar.limits = cookieLimitsOf(settings);
    const changesBefore = journal.changes;
    const startedAt = new Date();
    const base = {
      profile: profile.name,
      method: args.request.method,
      request: args.request,
      ...(args.requestId ? { requestId: args.requestId } : {}),
    };
    let entry: HistoryEntry;
    try {
      const levels = await ws.environments.snapshot();
      const response = await send(args.request, {
        profile: withLevels(levels, profile, await collectionOf(ws, args.requestId)),
        jar: journal.jar,
        settings,
        signal: controller.signal,
        spool: spoolFor(ws.dataDir),
        ...(args.output ? { output: args.output, rawOutput: args.rawOutput === true } : {}),
        onHop: (hop, index) =>
          ws.events.emit('request.progress', { sendId, hop: index, url: hop.url, status: hop.status }),
      });
      if (args.relogged) response.relogged = true;
      if (args.extract?.length) {
        const url = response.hops.at(-1)?.url ?? response.request.url;
        const jarValue = (n: string) => journal.jar.cookiesFor(url).find((c) => c.key === n)?.value ?? null;
        const { extracted, variables } = applyRules(args.extract, response, profile.name, jarValue);
        response.extracted = extracted;
        if (Object.keys(variables).length) {
          const fresh = await ws.profiles.get(profile.name);
          profile = await ws.profiles.update(profile.name, {
            variables: { ...fresh.variables, ...variables },
          });
          seen(profile, journal);
          ws.events.emit('profiles.changed', {});
        }
      }
      entry = {
        ...base,
        ...(response.relogged ? { relogged: true } : {}),
        ...(response.extracted ? { extracted: response.extracted } : {}),
        id: response.id,
        url: response.request.url,
        status: response.status,
        error: null,
        durationMs: response.timings.total,
        size: response.size,
        at: response.startedAt,
        response: keptResponse(response),
      };
      return response;
    } catch (e) {
      entry = {
        ...base,
        id: randomUUID(),
        url: args.request.url,
        status: null,
        // What a broken response showed (error.partial: its headers, cookies among them) stays out of history.
        error: (({ code, message }) => ({ code, message }))(toTandemError(e)),
        durationMs: Date.now() - startedAt.getTime(),
        size: 0,
        at: startedAt.toISOString(),
      };
      throw e;
    } finally {
      release();
      this.record(profile.name, entry!, journal.changes !== changesBefore);
    }
  }

  /**
   * Records the send without waiting for the disk: the history line and the jar's changes are
   * queued on the workspace write queue (written behind, in order; `history.list` and
   * close() wait for them). A write that fails is reported by `history.flush()`/close().
   */
  private record(profile: string, entry: HistoryEntry, cookiesChanged: boolean): void {
    this.ws.history.append(entry).catch(() => undefined);
    this.ws.events.emit('history.changed', { profile });
    if (cookiesChanged) this.ws.events.emit('cookies.changed', { profile });
  }
}
