import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../main/contract';
import { EVENT_CHANNEL, type EventMessage } from '../../main/contract/protocol';
import { createTandem, type Tandem } from '../../main/core/tandem';
import type { Result } from '../../main/shared/types';
import {
  forwardEvents,
  type InvokeEventLike,
  type IpcMainLike,
  registerHandlers,
} from '../../main/shell/register';
import { senderCheck } from '../../main/shell/trust';
import { createPreloadBridge, type IpcRendererLike } from '../../preload/bridge';

type Handler = (event: InvokeEventLike, ...args: unknown[]) => unknown;

/** A stand-in for ipcMain: records handlers, and lets a test invoke them as a given frame. */
function recordingIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const invokeAs = async (url: string | null, channel: string, args: unknown) => {
    const h = handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return (await h({ senderFrame: url === null ? null : { url } }, args)) as Result<unknown>;
  };
  return { ipcMain, handlers, invokeAs };
}

const app = { indexUrl: 'file:///app/out/renderer/index.html', devServerUrl: null };

let dir: string;
let tandem: Tandem;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-ipc-'));
  tandem = await createTandem({ dataDir: dir, host: 'electron' });
});

afterAll(async () => {
  await tandem?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('IPC handlers are the contract, nothing more', () => {
  it('registers exactly one handler per channel, and unregisters them all', () => {
    const { ipcMain, handlers } = recordingIpcMain();
    const unregister = registerHandlers(ipcMain, tandem, senderCheck(app));
    expect([...handlers.keys()].sort()).toEqual([...channels].sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('a frame showing another page is refused with UNAUTHORIZED, and nothing happens', async () => {
    const { ipcMain, invokeAs } = recordingIpcMain();
    const unregister = registerHandlers(ipcMain, tandem, senderCheck(app));
    try {
      for (const url of ['https://evil.example/', null]) {
        const res = await invokeAs(url, 'profiles.create', { name: 'mallory' });
        expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      }
      const list = await tandem['profiles.list']({});
      expect(list.ok && list.value.map((p) => p.name)).not.toContain('mallory');
    } finally {
      unregister();
    }
  });

  it('a sender check that throws counts as untrusted', async () => {
    const { ipcMain, invokeAs } = recordingIpcMain();
    const unregister = registerHandlers(ipcMain, tandem, () => {
      throw new Error('Object has been destroyed');
    });
    try {
      expect(await invokeAs(app.indexUrl, 'profiles.list', {})).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHORIZED' },
      });
    } finally {
      unregister();
    }
  });

  it('bad arguments answer INVALID_ARGUMENT with a one-line message', async () => {
    const { ipcMain, invokeAs } = recordingIpcMain();
    const unregister = registerHandlers(ipcMain, tandem, senderCheck(app));
    try {
      const res = await invokeAs(app.indexUrl, 'cookies.list', { profile: '' });
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      if (!res.ok)
        expect(res.error.message).toMatch(/^Invalid arguments for cookies\.list at profile: [^\n]+$/);
    } finally {
      unregister();
    }
  });

  it('the app window creates alice and lists her, through the real core', async () => {
    const { ipcMain, invokeAs } = recordingIpcMain();
    const unregister = registerHandlers(ipcMain, tandem, senderCheck(app));
    try {
      expect(await invokeAs(app.indexUrl, 'profiles.create', { name: 'alice' })).toMatchObject({
        ok: true,
        value: { name: 'alice' },
      });
      const list = await invokeAs(app.indexUrl, 'profiles.list', {});
      expect(list.ok && (list.value as Array<{ name: string }>).map((p) => p.name)).toContain('alice');
    } finally {
      unregister();
    }
  });
});

describe('preload ⇄ main, wired together without Electron', () => {
  it('bob saves a cookie through window.tandem and hears cookies.changed', async () => {
    const { ipcMain, invokeAs } = recordingIpcMain();
    const unregister = registerHandlers(ipcMain, tandem, senderCheck(app));
    const rendererListeners = new Set<(e: unknown, m: unknown) => void>();
    const ipcRenderer: IpcRendererLike = {
      invoke: (channel, args) => invokeAs(app.indexUrl, channel, args),
      on: (_c, l) => rendererListeners.add(l),
      removeListener: (_c, l) => rendererListeners.delete(l),
    };
    const sent: EventMessage[] = [];
    const stopEvents = forwardEvents(tandem.events, (channel, message) => {
      expect(channel).toBe(EVENT_CHANNEL);
      sent.push(message);
      for (const l of rendererListeners) l({}, message);
    });
    const bridge = createPreloadBridge(ipcRenderer);
    const heard: Array<{ profile: string }> = [];
    const off = bridge.subscribe('cookies.changed', (p) => heard.push(p));
    try {
      expect(await bridge.invoke('profiles.create', { name: 'bob' })).toMatchObject({ ok: true });
      const set = await bridge.invoke('cookies.set', {
        profile: 'bob',
        cookie: { name: 'sid', value: 'b0b', domain: 'api.example.test', path: '/' },
      });
      expect(set).toMatchObject({ ok: true, value: { name: 'sid', value: 'b0b' } });
      expect(heard).toContainEqual({ profile: 'bob' });
      expect(sent.map((m) => m.event)).toContain('profiles.changed');

      const aliceCookies = await bridge.invoke('cookies.list', { profile: 'alice' });
      expect(aliceCookies.ok && aliceCookies.value.map((c) => c.name)).not.toContain('sid');
    } finally {
      off();
      stopEvents();
      unregister();
    }
    const before = sent.length;
    await tandem['profiles.create']({ name: 'carol' });
    expect(sent.length).toBe(before);
  });
});
