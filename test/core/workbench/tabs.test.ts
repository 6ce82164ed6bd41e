import fs from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layout } from '../../../main/core/store/paths';
import type { Workbench } from '../../../main/shared/workbench';
import { type BridgedCore, startBridgedCore } from '../../support/core';

const tab = (id: string, url: string): Workbench['tabs'][number] => ({
  id,
  draft: { method: 'POST', url, headers: [], body: { type: 'json', text: '{"a":1}' } },
  origin: null,
  baseline: null,
});

describe('tabs.get / tabs.save: the open tabs and drafts live in the workspace', () => {
  let tc: BridgedCore;
  beforeEach(async () => {
    tc = await startBridgedCore('tandem-tabs-');
  });
  afterEach(async () => {
    await tc.close();
  });

  it('starts empty, and gives back what was saved after the core is closed and reopened', async () => {
    expect(await tc.core['tabs.get']({})).toEqual({
      ok: true,
      value: { tabs: [], activeId: null, layout: {} },
    });
    const state: Workbench = {
      tabs: [tab('t1', 'http://x/1'), tab('t2', 'http://x/2')],
      activeId: 't2',
      layout: { split: 0.3 },
    };
    expect((await tc.core['tabs.save']({ state })).ok).toBe(true);
    const { createTandem } = await import('../../../main/core/tandem');
    await tc.core.close();
    const again = await createTandem({ dataDir: tc.dataDir, host: 'web' });
    tc.core = again;
    expect(await again['tabs.get']({})).toEqual({ ok: true, value: state });
  });

  it('a burst of saves ends with the newest state on disk', async () => {
    const saves = [];
    for (let i = 0; i < 30; i++)
      saves.push(tc.core['tabs.save']({ state: { tabs: [tab('t', `http://x/${i}`)], activeId: 't' } }));
    await Promise.all(saves);
    const onDisk = JSON.parse(await fs.readFile(layout.tabs(tc.dataDir), 'utf8')) as Workbench;
    expect(onDisk.tabs[0].draft.url).toBe('http://x/29');
  });

  it('a damaged file is set aside with a note, and the app starts with no tabs', async () => {
    await fs.writeFile(layout.tabs(tc.dataDir), '{"tabs": [', 'utf8');
    const res = await tc.core['tabs.get']({});
    expect(res.ok && res.value.tabs).toEqual([]);
    expect(res.ok && res.value.notice).toMatch(/tabs\.json is not valid JSON.*kept as tabs\.json\.corrupt-/);
    const files = await fs.readdir(tc.dataDir);
    expect(files.some((f) => f.startsWith('tabs.json.corrupt-'))).toBe(true);
  });

  it('refuses a malformed state with a one-line error and keeps what was there', async () => {
    await tc.core['tabs.save']({ state: { tabs: [tab('t', 'http://x/ok')], activeId: 't' } });
    const { dispatch } = await import('../../../main/contract/dispatch');
    const bad = await dispatch(tc.core, 'tabs.save', { state: { tabs: [{ id: 't' }], activeId: 't' } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).not.toContain('\n');
    const res = await tc.core['tabs.get']({});
    expect(res.ok && res.value.tabs[0].draft.url).toBe('http://x/ok');
  });
});
