/// <reference lib="webworker" />
/**
 * Reads, lays out and serves the lines of a large response body off the main thread (the work
 * itself is largeBodyEngine.ts). The page shows only what is visible and asks for those lines.
 */
import { bodyEngine } from './largeBodyEngine';
import type { ToWorker } from './largeBodyProtocol';

declare const self: DedicatedWorkerGlobalScope;

const handle = bodyEngine((m) => self.postMessage(m));
self.onmessage = (e: MessageEvent<ToWorker>) => {
  void handle(e.data);
};
