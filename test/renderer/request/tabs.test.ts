// @vitest-environment happy-dom
import { lstat, readFile, rename, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../../main/shared/types';
import { SAVE_DELAY_MS, startTabsPersistence } from '../../../renderer/src/features/request/persist';
import { useRequestStore } from '../../../renderer/src/features/request/store';
import {
  emptyRequest,
  isDirty,
  moveItem,
  paneFor,
  tabTitle,
} from '../../../renderer/src/features/request/tabs';
import { type BridgedCore, startBridgedCore } from '../../support/core';

const post: RequestSpec = {
  method: 'POST',
  url: '{{baseUrl}}/login',
  headers: [],
  body: { type: 'form', fields: [{ name: 'username', value: '{{username}}' }] },
};
const get: RequestSpec = { method: 'GET', url: '{{baseUrl}}/profile', headers: [], body: { type: 'none' } };
const login = { collectionId: 'c1', requestId: 'r1', name: 'Log in' };
const whoami = { collectionId: 'c1', requestId: 'r2', name: 'Who am I' };
const S = () => useRequestStore.getState();

describe('tab model', () => {
  it('a tab is unsaved when its draft differs from what was saved, whatever the key order', () => {
    expect(isDirty({ draft: emptyRequest(), baseline: null })).toBe(false);
    expect(isDirty({ draft: { ...emptyRequest(), url: 'x' }, baseline: null })).toBe(true);
    const reordered = { body: post.body, headers: [], url: post.url, method: 'POST', auth: undefined };
    expect(isDirty({ draft: reordered, baseline: post })).toBe(false);
  });

  it('opens on the pane that has content: Body for a POST with a body', () => {
    expect(paneFor(post)).toBe('body');
    expect(paneFor({ ...get, url: '/x?a=1' })).toBe('params');
    expect(paneFor({ ...get, headers: [{ name: 'X-A', value: '1' }] })).toBe('headers');
    expect(paneFor({ ...get, auth: { type: 'bearer', token: 't' } })).toBe('auth');
    expect(paneFor(get)).toBe('params');
  });

  it('titles and moves', () => {
    expect(tabTitle({ origin: null, draft: get })).toBe('/profile');
    expect(tabTitle({ origin: login, draft: post })).toBe('Log in');
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
  });
});

describe('tabs store', () => {
  beforeEach(() => S().reset());

  it('a saved request opens once: opening it again goes back to its tab, with the edit kept', () => {
    const first = S().openRequest(post, login);
    expect(S().order).toHaveLength(1); // the untouched empty tab was replaced
    S().setDraft({ url: '{{baseUrl}}/login?x=1' });
    S().openRequest(get, whoami);
    expect(S().draft.url).toBe('{{baseUrl}}/profile');
    expect(S().openRequest(post, login)).toBe(first);
    expect(S().draft.url).toBe('{{baseUrl}}/login?x=1');
    expect(isDirty(S().tabs[first])).toBe(true);
    S().markSaved(login);
    expect(isDirty(S().tabs[first])).toBe(false);
  });

  it('closing picks the neighbour; closing the last leaves one empty tab', () => {
    const a = S().openRequest(post, login);
    const b = S().openRequest(get, whoami);
    S().activate(a);
    S().close(a);
    expect(S().activeId).toBe(b);
    S().close(b);
    expect(S().order).toHaveLength(1);
    expect(S().draft).toEqual(emptyRequest());
  });

  it('each tab keeps its own responses per profile', () => {
    const a = S().openRequest(post, login);
    const at = new Date().toISOString();
    S().updateTab(a, () => ({
      responses: { alice: { kind: 'error', error: { code: 'TIMEOUT', message: 't' }, at } },
    }));
    S().openRequest(get, whoami);
    expect(S().responses).toEqual({});
    S().activate(a);
    expect(Object.keys(S().responses)).toEqual(['alice']);
  });
});

describe('tabs kept in the workspace', () => {
  let tc: BridgedCore;
  let stop: (() => void) | null = null;
  beforeEach(async () => {
    S().reset();
    tc = await startBridgedCore('tandem-tabs-ui-');
  });
  afterEach(async () => {
    stop?.();
    await tc.close();
  });

  it('after a restart the tabs, their drafts, the active tab and the layout come back', async () => {
    const statuses: string[] = [];
    stop = startTabsPersistence((s) => statuses.push(s));
    await expect.poll(() => S().hydrated, { timeout: 15_000 }).toBe(true);
    S().openRequest(post, login);
    const b = S().openRequest(get, whoami);
    S().setDraft({ url: '{{baseUrl}}/profile?draft=1' });
    S().setLayout({ sidebarWidth: 333 });
    await expect.poll(() => statuses.at(-1), { timeout: 15_000 }).toBe('saved');
    const saved = await tc.core['tabs.get']({});
    expect(saved.ok && saved.value.tabs.map((t) => t.origin?.name)).toEqual(['Log in', 'Who am I']);
    stop();

    // a new window: empty store, then the saved tabs
    S().reset();
    stop = startTabsPersistence();
    await expect.poll(() => S().hydrated, { timeout: 15_000 }).toBe(true);
    expect(S().activeId).toBe(b);
    expect(S().draft.url).toBe('{{baseUrl}}/profile?draft=1');
    expect(isDirty(S().tabs[b])).toBe(true);
    expect(S().layout.sidebarWidth).toBe(333);
    expect(S().tabs[S().order[0]].pane).toBe('body');
  });
  it('when the saved tabs cannot be read, nothing is saved over them; they come back with the tab opened meanwhile', async () => {
    const first: string[] = [];
    stop = startTabsPersistence((st) => first.push(st));
    await expect.poll(() => S().hydrated, { timeout: 15_000 }).toBe(true);
    S().openRequest(post, login);
    S().openRequest(get, whoami);
    const file = join(tc.dataDir, 'tabs.json');
    // Saved, and no save still on its way (it would land on the file changed below).
    await expect.poll(() => first.at(-1), { timeout: 15_000 }).toBe('saved');
    expect(await readFile(file, 'utf8')).toContain('Who am I');
    stop();

    // The next window starts while the file cannot be read (here: a symlink to itself, ELOOP).
    await rename(file, `${file}.away`);
    await symlink('tabs.json', file);
    S().reset();
    const notices: string[] = [];
    const statuses: string[] = [];
    stop = startTabsPersistence(
      (st, notice) => {
        statuses.push(st);
        if (notice) notices.push(notice);
      },
      [50],
    );
    await expect.poll(() => statuses.includes('error'), { timeout: 15_000 }).toBe(true);
    expect(notices[0]).toMatch(/^Open tabs could not be restored: .*nothing is saved over them meanwhile\.$/);
    // The user opens a request meanwhile: it is not saved over the unreadable tabs.
    S().openRequest(
      { ...get, url: '{{baseUrl}}/meanwhile' },
      { collectionId: 'c1', requestId: 'r3', name: 'Meanwhile' },
    );
    await new Promise((r) => setTimeout(r, SAVE_DELAY_MS * 5));
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
    expect(S().hydrated).toBe(false);

    // The file can be read again: the saved tabs come back, the new one after them, and all are saved.
    await rm(file);
    await rename(`${file}.away`, file);
    await expect.poll(() => S().hydrated, { timeout: 15_000 }).toBe(true);
    expect(S().order.map((id) => S().tabs[id].origin?.name)).toEqual(['Log in', 'Who am I', 'Meanwhile']);
    await expect
      .poll(
        async () => {
          const saved = await tc.core['tabs.get']({});
          return saved.ok ? saved.value.tabs.map((t) => t.origin?.name) : null;
        },
        { timeout: 15_000 },
      )
      .toEqual(['Log in', 'Who am I', 'Meanwhile']);
  });
});
