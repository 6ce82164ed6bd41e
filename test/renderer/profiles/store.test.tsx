// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localBridge } from '../../../main/contract/local';
import { setBridge } from '../../../renderer/src/api';
import { ProfileSwitcher } from '../../../renderer/src/features/profiles/ProfileSwitcher';
import { startProfilesSync, useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { resetStores, startCore, type TestCore } from '../app/harness';

/**
 * The profiles store applies each mutation's result (and the `profiles.changed` event carrying it)
 * to its map, in the core's order, without listing again; an event without a profile is listed
 * once per burst. Lists are counted on a real core's bridge.
 */

let tc: TestCore;
let stopSync: () => void;
let lists = 0;
const WAIT = { timeout: 15000 };

beforeEach(async () => {
  resetStores('alice');
  tc = await startCore([
    { name: 'alice', color: '#7c5cff' },
    { name: 'bob', color: '#14b8a6' },
  ]);
  const inner = localBridge(tc.core);
  setBridge({
    invoke: (channel, args) => {
      if (channel === 'profiles.list') lists++;
      return inner.invoke(channel, args);
    },
    subscribe: inner.subscribe,
  });
  stopSync = startProfilesSync();
  await useProfilesStore.getState().load();
  lists = 0;
});
afterEach(async () => {
  stopSync();
  cleanup();
  await tc.close();
});

const chipNames = () => screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent);
/** Lets events and the lists they cause settle. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 300)));

describe('the profiles store', () => {
  it('a profile created in the switcher appears at once, in the core’s order, listed at most once (for the event)', async () => {
    render(<ProfileSwitcher />);
    fireEvent.click(screen.getByRole('button', { name: 'New profile' }));
    const input = screen.getByRole('textbox', { name: 'Profile name' });
    fireEvent.change(input, { target: { value: 'carol' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    await waitFor(() => expect(chipNames()).toEqual(['alice', 'bob', 'carol']), WAIT);
    expect(useProfilesStore.getState().active).toBe('carol');
    await settle();
    // Before: one list after the mutation and one more for its event; now none.
    expect(lists).toBe(0);
    const core = await tc.core['profiles.list']({});
    expect(useProfilesStore.getState().order).toEqual(core.ok ? core.value.map((p) => p.name) : []);
  });

  it('rename, duplicate and delete apply their results without listing again', async () => {
    const s = () => useProfilesStore.getState();
    const renamed = await act(() => s().rename('alice', 'alicia'));
    expect(renamed.ok).toBe(true);
    expect(s().order).toEqual(['alicia', 'bob']);
    expect(s().active).toBe('alicia');
    expect(s().profiles.alice).toBeUndefined();
    const dup = await act(() => s().duplicate('bob', 'bob2'));
    expect(dup.ok).toBe(true);
    expect(s().order).toEqual(['alicia', 'bob', 'bob2']);
    const del = await act(() => s().remove('bob'));
    expect(del.ok).toBe(true);
    expect(s().order).toEqual(['alicia', 'bob2']);
    const bad = await act(() => s().rename('nobody', 'x'));
    expect(bad.ok).toBe(false);
    expect(s().order).toEqual(['alicia', 'bob2']);
    await settle();
    // Each result and its event applied as they are: nothing listed again.
    expect(lists).toBe(0);
    const core = await tc.core['profiles.list']({});
    expect(s().order).toEqual(core.ok ? core.value.map((p) => p.name) : []);
  });

  it('changes made elsewhere arrive through profiles.changed and are applied as sent; events without a profile are listed once per burst', async () => {
    render(<ProfileSwitcher />);
    // Another window (same core): the event carries the profile, so nothing is listed.
    await tc.core['profiles.create']({ name: 'dora', color: '#f59e0b' });
    await waitFor(() => expect(chipNames()).toEqual(['alice', 'bob', 'dora']), WAIT);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        tc.core['profiles.update']({ name: 'bob', patch: { variables: { n: String(i) } } }),
      ),
    );
    const core = await tc.core['profiles.list']({});
    const bob = core.ok ? core.value.find((p) => p.name === 'bob') : undefined;
    await waitFor(() => expect(useProfilesStore.getState().profiles.bob).toEqual(bob), WAIT);
    await tc.core['profiles.delete']({ name: 'dora' });
    await waitFor(() => expect(chipNames()).toEqual(['alice', 'bob']), WAIT);
    await settle();
    expect(lists).toBe(0);

    // Another process (or a run) changed profiles: the event says only "changed"; ten at once are
    // one list, plus at most one more for those that came while it ran.
    await tc.core['profiles.update']({ name: 'alice', patch: { variables: { fromCli: 'yes' } } });
    lists = 0;
    act(() => {
      for (let i = 0; i < 10; i++) tc.core.events.emit('profiles.changed', {});
    });
    await settle();
    expect(lists).toBeGreaterThanOrEqual(1);
    expect(lists).toBeLessThanOrEqual(2);
    expect(useProfilesStore.getState().profiles.alice.variables).toEqual({ fromCli: 'yes' });
  });
});
