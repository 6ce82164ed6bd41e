import { describe, expect, it } from 'vitest';
import { channels } from '../../main/contract';
import { EVENT_CHANNEL } from '../../main/contract/protocol';
import { createPreloadBridge, type IpcRendererLike } from '../../preload/bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** A stand-in for Electron's ipcRenderer that records every call and can deliver messages. */
function recordingIpcRenderer() {
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke(channel, ...args) {
      invoked.push({ channel, args });
      return Promise.resolve({ ok: true, value: `answer from ${channel}` });
    },
    on(channel, listener) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
      }
      set.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const deliver = (message: unknown) => {
    for (const l of listeners.get(EVENT_CHANNEL) ?? []) l({ sender: 'main' }, message);
  };
  const listenerCount = () => listeners.get(EVENT_CHANNEL)?.size ?? 0;
  return { ipc, invoked, deliver, listenerCount };
}

describe('the preload bridge (window.tandem)', () => {
  it('exposes exactly invoke and subscribe, and cannot be changed by the page', () => {
    const { ipc } = recordingIpcRenderer();
    const bridge = createPreloadBridge(ipc);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('passes a contract channel and its arguments straight to IPC', async () => {
    const { ipc, invoked } = recordingIpcRenderer();
    const bridge = createPreloadBridge(ipc);
    const result = await bridge.invoke('cookies.list', { profile: 'alice' });
    expect(result).toEqual({ ok: true, value: 'answer from cookies.list' });
    expect(invoked).toEqual([{ channel: 'cookies.list', args: [{ profile: 'alice' }] }]);
  });

  it('every contract channel goes through', async () => {
    const { ipc, invoked } = recordingIpcRenderer();
    const bridge = createPreloadBridge(ipc);
    for (const c of channels) await bridge.invoke(c, {} as never);
    expect(invoked.map((i) => i.channel)).toEqual(channels);
  });

  it('refuses a channel the contract does not name, without touching IPC', async () => {
    const { ipc, invoked } = recordingIpcRenderer();
    const bridge = createPreloadBridge(ipc);
    for (const bad of ['tandem:event', 'shell.openExternal', '__proto__', 'toString', '']) {
      const result = await bridge.invoke(bad as never, {} as never);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_ARGUMENT');
        expect(result.error.message).toContain('Unknown channel');
      }
    }
    expect(invoked).toEqual([]);
  });

  it('bob listens to cookies.changed and hears only that event, until he unsubscribes', () => {
    const { ipc, deliver, listenerCount } = recordingIpcRenderer();
    const bridge = createPreloadBridge(ipc);
    const heard: unknown[] = [];
    const off = bridge.subscribe('cookies.changed', (p) => heard.push(p));
    expect(listenerCount()).toBe(1);

    deliver({ event: 'cookies.changed', payload: { profile: 'bob' } });
    deliver({ event: 'history.changed', payload: { profile: 'bob' } });
    deliver('not a message');
    deliver(null);
    expect(heard).toEqual([{ profile: 'bob' }]);

    off();
    expect(listenerCount()).toBe(0);
    deliver({ event: 'cookies.changed', payload: { profile: 'bob' } });
    expect(heard).toHaveLength(1);
  });

  it('refuses to subscribe to an event the contract does not name', () => {
    const { ipc, listenerCount } = recordingIpcRenderer();
    const bridge = createPreloadBridge(ipc);
    expect(() => bridge.subscribe('secrets.leaked' as never, () => {})).toThrow(/Unknown event/);
    expect(listenerCount()).toBe(0);
  });
});
