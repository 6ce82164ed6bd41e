import { channels, eventNames, type Handlers } from '../contract';
import { dispatch } from '../contract/dispatch';
import { EVENT_CHANNEL, type EventMessage } from '../contract/protocol';
import type { EventBus } from '../core/events';
import type { Result } from '../shared/types';

/**
 * IPC handler registration, derived from the contract. No `electron` import here: the
 * main process passes `ipcMain` in, tests pass a recording stand-in.
 */

/** The part of an Electron `IpcMainInvokeEvent` the sender check reads. */
export interface InvokeEventLike {
  readonly senderFrame?: { readonly url: string } | null;
}

/** The part of Electron's `ipcMain` used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

const untrusted: Result<never> = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'This window is not allowed to call Tandem' },
};

/**
 * Registers one `ipcMain.handle` per contract channel. Every call is checked (sender, then
 * arguments via `dispatch`) and answers a Result; nothing throws across IPC.
 * Returns the unregister function.
 */
export function registerHandlers(
  ipcMain: IpcMainLike,
  tandem: Handlers,
  isTrustedSender: (event: InvokeEventLike) => boolean,
): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, raw) => {
      let trusted = false;
      try {
        trusted = isTrustedSender(event);
      } catch {
        trusted = false;
      }
      return trusted ? dispatch(tandem, channel, raw) : untrusted;
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/**
 * Forwards every core event to the window as one `tandem:event` message `{ event, payload }`.
 * `send` is usually `(ch, m) => win.webContents.send(ch, m)`. Returns the unsubscribe.
 */
export function forwardEvents(
  events: EventBus,
  send: (channel: typeof EVENT_CHANNEL, message: EventMessage) => void,
): () => void {
  const offs = eventNames.map((event) =>
    events.on(event, (payload) => {
      send(EVENT_CHANNEL, { event, payload });
    }),
  );
  return () => {
    for (const off of offs) off();
  };
}
