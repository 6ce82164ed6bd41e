import type { MatrixCell, Profile } from './types';

/**
 * Push events from the core to every UI (Electron: webContents.send; web mode: server-sent
 * events; in-process: the core's EventBus). Declared ONCE here: the names, the `EventMap` type
 * and the preload's allow-list are all derived from this object.
 *
 * To add an event: one line `'area.happened': event<{ …payload… }>(),` below. Emit it from the
 * core with `ws.events.emit('area.happened', payload)`; the renderer listens with
 * `subscribe('area.happened', …)` from `renderer/src/api`.
 */
function event<Payload>(): Payload {
  return undefined as unknown as Payload;
}

export const events = {
  /** A profile's jar changed (a send, the cookie editor, an import, another process). */
  'cookies.changed': event<{ profile: string }>(),
  /**
   * Profiles were created, renamed, deleted or edited (here or in another process). `profile`: the
   * profile as it now is (created, edited, duplicated, or renamed from `deleted`); `deleted`: a name
   * gone. Neither: read the list again (another process, a run, an extraction).
   */
  'profiles.changed': event<{ profile?: Profile; deleted?: string }>(),
  'history.changed': event<{ profile: string }>(),
  /**
   * Collections changed: `id` is the collection that changed (created, renamed, edited), or was
   * deleted when `deleted` is true; absent when the whole list should be read again (another
   * process changed collections.json).
   */
  'collections.changed': event<{ id?: string; deleted?: boolean }>(),
  /** Settings changed (here or in another process). */
  'settings.changed': event<Record<string, never>>(),
  /** A one-line notice about the workspace (permissions fixed, damaged lines set aside); also in `workspace.info`. */
  'workspace.notice': event<{ message: string }>(),
  /** One hop of a send finished. */
  'request.progress': event<{ sendId: string; hop: number; url: string; status: number | null }>(),
  /** Environments, the active one or the global variables changed. */
  'environments.changed': event<Record<string, never>>(),
  /** One access-matrix cell finished (`matrix.run`). */
  'matrix.progress': event<{ runId: string; requestId: string; profile: string; cell: MatrixCell }>(),
};

export type EventMap = { [E in keyof typeof events]: (typeof events)[E] };
export type EventName = keyof EventMap;
export const eventNames = Object.keys(events) as EventName[];

/** Anything that can be subscribed to: the core's EventBus, a Bridge. Returns the unsubscribe. */
export interface EventSubscriber {
  on<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void;
}
