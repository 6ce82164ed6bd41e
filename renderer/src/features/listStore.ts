import type { Result, TandemError } from '../../../main/shared/types';

/** The state every list store (collections, history) keeps: items by id, in the core's order. */
export interface ListSlice<T> {
  byId: Record<string, T>;
  /** Ids in the order the core returns them. */
  ids: string[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: TandemError | null;
}

/**
 * A list store's `load()`: fetches the whole list and shows it. Loads are numbered; an answer
 * older than one already shown is dropped (newer data wins). A failure keeps the items shown.
 */
export function listLoader<T extends { id: string }>(
  fetch: () => Promise<Result<T[]>>,
  get: () => Pick<ListSlice<T>, 'status'>,
  set: (patch: Partial<ListSlice<T>>) => void,
): () => Promise<void> {
  let seq = 0;
  let shown = 0;
  return async () => {
    const mine = ++seq;
    if (get().status === 'idle') set({ status: 'loading' });
    const res = await fetch();
    if (mine < shown) return;
    shown = mine;
    if (!res.ok) {
      set({ status: 'error', error: res.error });
      return;
    }
    const byId: Record<string, T> = {};
    for (const item of res.value) byId[item.id] = item;
    set({ byId, ids: res.value.map((item) => item.id), status: 'ready', error: null });
  };
}

/**
 * A list store's `start…Sync()`: the first caller starts `follow` (an event subscription), the
 * others share it, and the last unsubscribe ends it. Each returned unsubscribe counts once.
 */
export function sharedFollow(follow: () => () => void): () => () => void {
  let followers = 0;
  let unfollow: (() => void) | null = null;
  return () => {
    followers++;
    if (!unfollow) unfollow = follow();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--followers === 0) {
        unfollow?.();
        unfollow = null;
      }
    };
  };
}
