import { describe, expect, it } from 'vitest';
import type { Result } from '../../main/shared/types';
import { type ListSlice, listLoader } from '../../renderer/src/features/listStore';

type Item = { id: string; name: string };

/** A list store's state and a core whose answers the story releases in any order. */
function harness() {
  let state: ListSlice<Item> = { byId: {}, ids: [], status: 'idle', error: null };
  const pending: Array<(r: Result<Item[]>) => void> = [];
  const statuses: string[] = [];
  const load = listLoader(
    () => new Promise<Result<Item[]>>((resolve) => pending.push(resolve)),
    () => state,
    (patch) => {
      state = { ...state, ...patch };
      statuses.push(state.status);
    },
  );
  return { load, pending, statuses, state: () => state };
}

const items = (...names: string[]): Result<Item[]> => ({
  ok: true,
  value: names.map((name) => ({ id: `id-${name}`, name })),
});

describe('list stores load the whole list; the newest answer wins', () => {
  it('the first load shows loading, then the items by id in the core order', async () => {
    const h = harness();
    const done = h.load();
    expect(h.state().status).toBe('loading');
    h.pending[0](items('b', 'a'));
    await done;
    expect(h.state()).toEqual({
      byId: { 'id-b': { id: 'id-b', name: 'b' }, 'id-a': { id: 'id-a', name: 'a' } },
      ids: ['id-b', 'id-a'],
      status: 'ready',
      error: null,
    });
  });

  it('a slow older answer arriving after a newer one is dropped', async () => {
    const h = harness();
    const older = h.load();
    const newer = h.load();
    h.pending[1](items('new'));
    await newer;
    h.pending[0](items('old'));
    await older;
    expect(h.state().ids).toEqual(['id-new']);
  });

  it('a failed load keeps the items shown and reports the error', async () => {
    const h = harness();
    const first = h.load();
    h.pending[0](items('a'));
    await first;
    const second = h.load();
    h.pending[1]({ ok: false, error: { code: 'STORE_IO', message: 'disk gone' } });
    await second;
    expect(h.state()).toMatchObject({ ids: ['id-a'], status: 'error', error: { code: 'STORE_IO' } });
    expect(h.statuses).toEqual(['loading', 'ready', 'error']);
  });
});
