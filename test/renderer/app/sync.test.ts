// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCollectionsSync, useCollectionsStore } from '../../../renderer/src/features/collections/store';
import { startSettingsSync, useSettingsStore } from '../../../renderer/src/features/settings/store';
import { type BridgedCore, startBridgedCore } from '../../support/core';

/** Changes made elsewhere (another window, the CLI) reach the stores through the core's events. */
describe('stores follow the core’s change events', () => {
  let tc: BridgedCore;
  const stops: Array<() => void> = [];
  beforeEach(async () => {
    tc = await startBridgedCore('tandem-sync-');
    useCollectionsStore.setState({ byId: {}, ids: [], status: 'idle', error: null });
  });
  afterEach(async () => {
    for (const stop of stops.splice(0)) stop();
    await tc.close();
  });

  it('collections: created, renamed and deleted elsewhere', async () => {
    await useCollectionsStore.getState().load();
    stops.push(startCollectionsSync(), startCollectionsSync()); // two followers share one subscription
    const made = await tc.core['collections.create']({ name: 'Elsewhere' });
    if (!made.ok) throw new Error(made.error.message);
    const names = () =>
      useCollectionsStore.getState().ids.map((id) => useCollectionsStore.getState().byId[id].name);
    await expect.poll(names, { timeout: 15_000 }).toEqual(['Elsewhere']);
    await tc.core['collections.rename']({ id: made.value.id, name: 'Renamed' });
    await expect.poll(names, { timeout: 15_000 }).toEqual(['Renamed']);
    await tc.core['collections.delete']({ id: made.value.id });
    await expect.poll(names, { timeout: 15_000 }).toEqual([]);
  });

  it('a move in the store applies its result at once', async () => {
    const made = await tc.core['collections.create']({ name: 'API' });
    if (!made.ok) throw new Error(made.error.message);
    const id = made.value.id;
    for (const f of ['A', 'B']) await tc.core['collections.addFolder']({ collectionId: id, folder: f });
    await useCollectionsStore.getState().load();
    const res = await useCollectionsStore
      .getState()
      .move({ collectionId: id, item: { kind: 'folder', path: 'B' }, to: { folder: '', before: 'A' } });
    expect(res.ok).toBe(true);
    expect(useCollectionsStore.getState().byId[id].folders).toEqual(['B', 'A']);
  });

  it('settings changed elsewhere', async () => {
    await useSettingsStore.getState().load();
    stops.push(startSettingsSync());
    await tc.core['settings.update']({ patch: { timeoutMs: 4321 } });
    await expect.poll(() => useSettingsStore.getState().settings.timeoutMs, { timeout: 15_000 }).toBe(4321);
  });
});
