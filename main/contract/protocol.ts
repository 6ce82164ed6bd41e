import type { EventName } from './';

/**
 * What crosses the Electron IPC boundary besides the contract channels themselves.
 * Imported by the main process and the preload; no Node, no Electron.
 */

/** The IPC channel every core event travels on. */
export const EVENT_CHANNEL = 'tandem:event';

/** One push event as it crosses IPC (and, in web mode, one SSE message). */
export interface EventMessage {
  event: EventName;
  payload: unknown;
}
