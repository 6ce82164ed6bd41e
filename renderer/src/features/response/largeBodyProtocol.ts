/** Messages between LargeBodyView (the page) and largeBody.worker.ts. */
export type ToWorker =
  | { type: 'open'; mode: 'pretty' | 'raw'; text?: string; url?: string; token?: string }
  | { type: 'mode'; mode: 'pretty' | 'raw' }
  | { type: 'lines'; from: number; to: number };

export type FromWorker =
  | { type: 'progress'; count: number; done: boolean; pretty: boolean; chars: number }
  | { type: 'lines'; from: number; lines: string[] }
  | { type: 'error'; message: string };
