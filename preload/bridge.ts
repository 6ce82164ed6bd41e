import type { Bridge, Channel, EventMap, EventName } from '../main/contract';
import { channels, eventNames } from '../main/contract';
import { EVENT_CHANNEL, type EventMessage } from '../main/contract/protocol';
import type { Result } from '../main/shared/types';

/** The part of Electron's `ipcRenderer` the bridge uses (structural, so it is testable without Electron). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const allowedChannels: ReadonlySet<string> = new Set(channels);
const allowedEvents: ReadonlySet<string> = new Set(eventNames);

function isEventMessage(m: unknown): m is EventMessage {
  return typeof m === 'object' && m !== null && typeof (m as { event?: unknown }).event === 'string';
}

/**
 * `window.tandem`: exactly the contract, nothing else. `invoke` refuses channels the contract does
 * not name (so the page can never reach another IPC handler); `subscribe` listens to one event name.
 */
export function createPreloadBridge(ipc: IpcRendererLike): Bridge {
  const bridge: Bridge = {
    invoke<C extends Channel>(channel: C, args: unknown) {
      if (typeof channel !== 'string' || !allowedChannels.has(channel)) {
        const refused: Result<never> = {
          ok: false,
          error: { code: 'INVALID_ARGUMENT', message: `Unknown channel "${String(channel)}"` },
        };
        return Promise.resolve(refused);
      }
      return ipc.invoke(channel, args ?? {}) as ReturnType<Bridge['invoke']>;
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      if (!allowedEvents.has(event)) throw new Error(`Unknown event "${String(event)}"`);
      if (typeof listener !== 'function') throw new Error(`A listener function is needed for "${event}"`);
      const onMessage = (_e: unknown, message: unknown) => {
        if (isEventMessage(message) && message.event === event) listener(message.payload as EventMap[E]);
      };
      ipc.on(EVENT_CHANNEL, onMessage);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, onMessage);
      };
    },
  };
  return Object.freeze(bridge);
}
