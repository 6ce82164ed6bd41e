import { randomUUID } from 'node:crypto';
import { toTandemError } from '../../shared/errors';
import type { HistoryEntry, RequestSpec, ResponseRecord, Settings } from '../../shared/types';
import { send } from '../http/send';
import type { Workspace } from '../workspace';

/**
 * Sends a request as a profile: catches the jar up with other processes, calls the engine,
 * records history (ok or failed, written behind) and announces what changed. The response is
 * returned as soon as the engine has it. One AbortController per sendId.
 */
const EARLY_CANCEL_MS = 30_000;

export class Sender {
  private readonly inFlight = new Map<string, AbortController>();
  private readonly running = new Set<Promise<unknown>>();
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
    await Promise.allSettled([...this.running]);
  }

  send(args: { profile: string; request: RequestSpec; sendId?: string }): Promise<ResponseRecord> {
    const running = this.run(args);
    this.running.add(running);
    const forget = () => this.running.delete(running);
    running.then(forget, forget);
    return running;
  }

  private async run(args: {
    profile: string;
    request: RequestSpec;
    sendId?: string;
  }): Promise<ResponseRecord> {
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
    const { profile, journal } = opened;
    const changesBefore = journal.changes;
    const startedAt = new Date();
    const base = { profile: profile.name, method: args.request.method, request: args.request };
    let entry: HistoryEntry;
    try {
      const response = await send(args.request, {
        profile,
        jar: journal.jar,
        settings,
        signal: controller.signal,
        onHop: (hop, index) =>
          ws.events.emit('request.progress', { sendId, hop: index, url: hop.url, status: hop.status }),
      });
      entry = {
        ...base,
        id: response.id,
        url: response.request.url,
        status: response.status,
        error: null,
        durationMs: response.timings.total,
        size: response.size,
        at: response.startedAt,
      };
      return response;
    } catch (e) {
      entry = {
        ...base,
        id: randomUUID(),
        url: args.request.url,
        status: null,
        error: toTandemError(e),
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
