// @vitest-environment happy-dom
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { localBridge } from '../../../main/contract/local';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { setBridge } from '../../../renderer/src/api';
import { App } from '../../../renderer/src/app/App';
import { useWorkbenchUi } from '../../../renderer/src/app/workbench';
import { useCollectionsStore } from '../../../renderer/src/features/collections/store';
import { useRequestStore } from '../../../renderer/src/features/request/store';
import { isDirty } from '../../../renderer/src/features/request/tabs';
import { resetStores } from './harness';

/**
 * The workbench notice: every save that fails (a core refusal, a collection deleted by another
 * window, tabs that cannot be read) is one visible line, and the draft is never lost. Also: the
 * whole draft (rules and checks being edited) is kept in tabs.json across a restart.
 */

// Generous: the suite runs on loaded machines.
const WAIT = { timeout: 30_000 };
const spec = {
  method: 'GET',
  url: 'http://127.0.0.1:9/profile',
  headers: [],
  body: { type: 'none' as const },
};
const S = () => useRequestStore.getState();
const active = () => S().tabs[S().activeId];

let dataDir = '';
const cores: Tandem[] = [];
async function openCore(dir?: string): Promise<Tandem> {
  if (!dir) dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-notice-'));
  const core = await createTandem({ dataDir, host: 'web' });
  cores.push(core);
  const bridge = localBridge(core);
  // `heldBack`: another window's change has not reached this one yet (the watcher's event is late).
  setBridge({
    ...bridge,
    subscribe: (event, listener) =>
      bridge.subscribe(event, (payload) => {
        if (!(heldBack && event === 'collections.changed')) listener(payload);
      }),
  });
  return core;
}
let heldBack = false;

/** Another window (its own core on the same workspace) deletes the collection. */
async function deleteElsewhere(collectionId: string): Promise<void> {
  const other = await createTandem({ dataDir, host: 'web' });
  cores.push(other);
  expect((await other['collections.delete']({ id: collectionId })).ok).toBe(true);
}

async function seed(core: Tandem) {
  await core['profiles.create']({ name: 'alice', color: '#7c5cff' });
  const c = await core['collections.create']({ name: 'Team API' });
  if (!c.ok) throw new Error(c.error.message);
  const r = await core['collections.saveRequest']({
    collectionId: c.value.id,
    request: { name: 'Who am I', folder: '', request: spec },
  });
  if (!r.ok) throw new Error(r.error.message);
  return { collectionId: c.value.id, requestId: r.value.id };
}

async function openApp(origin?: { collectionId: string; requestId: string }) {
  resetStores('alice');
  render(<App />);
  await screen.findByRole('radio', { name: 'alice' }, WAIT);
  await waitFor(() => expect(useWorkbenchUi.getState().tabsSaved).toBe('saved'), WAIT);
  if (!origin) return;
  await waitFor(() => expect(useCollectionsStore.getState().byId[origin.collectionId]).toBeTruthy(), WAIT);
  act(() => {
    S().openRequest(spec, { ...origin, name: 'Who am I' });
  });
}

function noticeBar(): HTMLElement {
  const bar = document.querySelector<HTMLElement>('.app-notice');
  if (!bar) throw new Error('no notice shown');
  return bar;
}

afterEach(async () => {
  heldBack = false;
  cleanup();
  for (const core of cores.splice(0)) await core.close();
  await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
});

describe('the workbench notice', { timeout: 120_000 }, () => {
  it('a save refused by the core (collection deleted by another window) shows one line; the draft stays unsaved', async () => {
    const core = await openCore();
    const origin = await seed(core);
    await openApp(origin);
    fireEvent.change(screen.getByRole('textbox', { name: /URL/i }), {
      target: { value: 'http://127.0.0.1:9/profile?edited=1' },
    });
    expect(isDirty(active())).toBe(true);

    // Another window deletes the collection and this one has not heard yet: it still shows the
    // collection, and its Save is refused by the core.
    heldBack = true;
    await deleteElsewhere(origin.collectionId);

    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    const line = await screen.findByRole('alert', {}, WAIT);
    expect(line.textContent).toMatch(/^Could not save “Who am I”: .*collection/i);
    expect(line.textContent?.includes('\n')).toBe(false);
    // Nothing lost: the edit is still there, still marked unsaved, and kept in tabs.json.
    expect(S().draft.url).toBe('http://127.0.0.1:9/profile?edited=1');
    expect(isDirty(active())).toBe(true);
    expect(screen.getByRole('tab', { name: /Who am I, unsaved changes/ })).toBeTruthy();
    await waitFor(() => expect(useWorkbenchUi.getState().tabsSaved).toBe('saved'), WAIT);
    const kept = await core['tabs.get']({});
    expect(kept.ok && kept.value.tabs.map((t) => t.draft.url)).toContain(
      'http://127.0.0.1:9/profile?edited=1',
    );

    // An error stays until dismissed.
    await new Promise((r) => setTimeout(r, 300));
    expect(noticeBar().textContent).toMatch(/^Could not save/);
    fireEvent.click(within(noticeBar()).getByRole('button', { name: 'Dismiss' }));
    expect(document.querySelector('.app-notice')).toBeNull();
    expect(useWorkbenchUi.getState().notice).toBeNull();
  });

  it('close with Save, refused: the tab stays open with its draft, and the notice says why', async () => {
    const core = await openCore();
    const origin = await seed(core);
    await openApp(origin);
    fireEvent.change(screen.getByRole('textbox', { name: 'URL' }), {
      target: { value: 'http://127.0.0.1:9/profile?closing=1' },
    });
    heldBack = true;
    await deleteElsewhere(origin.collectionId);

    fireEvent.keyDown(window, { key: 'w', ctrlKey: true });
    const dialog = await screen.findByRole('dialog', { name: /Save changes to “Who am I”/ }, WAIT);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert', {}, WAIT)).textContent).toMatch(/^Could not save “Who am I”/);
    expect(S().order).toHaveLength(1);
    expect(S().draft.url).toBe('http://127.0.0.1:9/profile?closing=1');
    expect(isDirty(active())).toBe(true);
  });

  it('a collection deleted elsewhere and already known here: Save says why and asks where, the draft kept', async () => {
    const core = await openCore();
    const origin = await seed(core);
    await openApp(origin);
    fireEvent.change(screen.getByRole('textbox', { name: 'URL' }), {
      target: { value: 'http://127.0.0.1:9/profile?moved=1' },
    });
    await deleteElsewhere(origin.collectionId);
    // The watcher tells this window; the sidebar drops the collection.
    await waitFor(
      () => expect(useCollectionsStore.getState().byId[origin.collectionId]).toBeUndefined(),
      WAIT,
    );

    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Save request to a collection' }, WAIT);
    expect(noticeBar().textContent).toMatch(
      /^Could not save “Who am I” in place: its collection was deleted\. Choose where to save it\./,
    );
    expect(S().draft.url).toBe('http://127.0.0.1:9/profile?moved=1');
    expect(isDirty(active())).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), WAIT);
  });

  it('tabs that cannot be read (tabs.json is a folder) say so in one line; nothing is written over them, and what was typed meanwhile is saved once they can be read', async () => {
    const core = await openCore();
    await core['profiles.create']({ name: 'alice', color: '#7c5cff' });
    const tabsFile = path.join(dataDir, 'tabs.json');
    await fs.mkdir(path.join(tabsFile, 'x'), { recursive: true });
    resetStores('alice');
    render(<App />);
    await screen.findByRole('radio', { name: 'alice' }, WAIT);
    const read = await screen.findByRole('alert', {}, WAIT);
    expect(read.textContent).toMatch(
      /^Open tabs could not be restored: Cannot read tabs\.json \(EISDIR\)\. Trying again; nothing is saved over them meanwhile\./,
    );
    expect(read.textContent?.includes('\n')).toBe(false);
    fireEvent.click(within(noticeBar()).getByRole('button', { name: 'Dismiss' }));

    fireEvent.change(screen.getByRole('textbox', { name: 'URL' }), {
      target: { value: 'http://127.0.0.1:9/x' },
    });
    expect(S().draft.url).toBe('http://127.0.0.1:9/x');
    expect(useWorkbenchUi.getState().tabsSaved).toBe('error');
    expect((await fs.stat(path.join(tabsFile, 'x'))).isDirectory()).toBe(true);

    // The folder goes: the next attempt reads (no saved tabs), and the typed tab is saved.
    await fs.rm(tabsFile, { recursive: true });
    await waitFor(() => expect(useWorkbenchUi.getState().tabsSaved).toBe('saved'), WAIT);
    await waitFor(
      async () => expect(await fs.readFile(tabsFile, 'utf8')).toContain('http://127.0.0.1:9/x'),
      WAIT,
    );
    expect(S().draft.url).toBe('http://127.0.0.1:9/x');
  });

  it('a damaged tabs.json is set aside and said so, once, on start', async () => {
    const core = await openCore();
    await core['profiles.create']({ name: 'alice', color: '#7c5cff' });
    await fs.writeFile(path.join(dataDir, 'tabs.json'), '{"tabs": [ broken');
    resetStores('alice');
    render(<App />);
    const line = await screen.findByRole('alert', {}, WAIT);
    expect(line.textContent).toMatch(/tabs/i);
    expect(line.textContent?.includes('\n')).toBe(false);
  });
});

describe('the whole draft is kept in tabs.json', { timeout: 120_000 }, () => {
  it('an unsaved extraction rule and check come back after a restart, still unsaved', async () => {
    const core = await openCore();
    const origin = await seed(core);
    await openApp(origin);

    const open = (name: RegExp) => {
      const tab = screen.getByRole('tab', { name });
      fireEvent.mouseDown(tab);
      fireEvent.click(tab);
    };
    open(/^Extract/);
    fireEvent.click(await screen.findByRole('button', { name: '+ Add rule' }, WAIT));
    fireEvent.change(screen.getByRole('textbox', { name: 'Variable name 1' }), { target: { value: 'user' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Expression 1' }), { target: { value: '$.name' } });
    open(/^Checks/);
    fireEvent.click(await screen.findByRole('button', { name: /Add check/ }, WAIT));
    fireEvent.change(screen.getByRole('textbox', { name: 'Check value 1' }), { target: { value: '201' } });
    expect(isDirty(active())).toBe(true);
    await waitFor(() => expect(useWorkbenchUi.getState().tabsSaved).toBe('saved'), WAIT);

    // Restart: the app goes away, the core closes, a new core opens the same workspace.
    cleanup();
    await cores.pop()?.close();
    await openCore(dataDir);
    await openApp();
    expect(active().origin?.name).toBe('Who am I');
    expect(isDirty(active())).toBe(true);
    expect(screen.getByRole('tab', { name: /Who am I, unsaved changes/ })).toBeTruthy();
    open(/^Extract/);
    expect(
      (await screen.findByRole<HTMLInputElement>('textbox', { name: 'Variable name 1' }, WAIT)).value,
    ).toBe('user');
    open(/^Checks/);
    expect(
      (await screen.findByRole<HTMLInputElement>('textbox', { name: 'Check value 1' }, WAIT)).value,
    ).toBe('201');

    // Ctrl+S saves them with the request; the tab is clean.
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(isDirty(active())).toBe(false), WAIT);
    const list = await cores[0]['collections.list']({});
    const saved = list.ok ? list.value[0].requests[0] : undefined;
    expect(saved?.extract).toEqual([{ name: 'user', source: 'json', expr: '$.name' }]);
    expect(saved?.checks?.[0]).toMatchObject({ kind: 'status', op: 'equals', value: '201' });
  });

  it('a tabs.json from before (no rules or checks in it) is still read', async () => {
    const core = await openCore();
    const old = {
      tabs: [{ id: 't1', draft: spec, origin: null, baseline: null, title: 'Old tab', pane: 'params' }],
      activeId: 't1',
      layout: {},
    };
    await fs.writeFile(path.join(dataDir, 'tabs.json'), JSON.stringify(old));
    const read = await core['tabs.get']({});
    expect(read.ok && read.value.tabs[0]).toMatchObject({ id: 't1', title: 'Old tab' });
    expect(read.ok && read.value.notice).toBeUndefined();
  });
});
