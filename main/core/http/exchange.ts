import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { claimSocket, type SocketClaimer } from './dispatchers';
import { headerPairs } from './response';

/**
 * One hop on the wire: dispatch a request through an undici dispatcher with a light handler that
 * keeps the raw response headers in order, the status text, the body bytes and the timings.
 * No redirects, no cookies, no decoding here.
 */

export interface HopResult {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  /** Body bytes as received (still content-encoded); empty when `keepBody` was false. */
  body: Buffer;
  /** ms since the hop started: socket connected (0 when a kept-alive socket was reused), headers, end. */
  connect: number;
  ttfb: number;
  total: number;
  /** The socket object the request went on (tests compare identities for keep-alive). */
  socket: object | null;
}

type Body = Dispatcher.DispatchOptions['body'] | AsyncIterable<Buffer> | NodeJS.ReadableStream;

export class HopExchange implements SocketClaimer {
  private abortFn: ((err?: Error) => void) | null = null;
  private cancelled: Error | null = null;
  private done = false;
  private readonly chunks: Buffer[] = [];
  private status = 0;
  private statusText = '';
  private headers: Array<[string, string]> = [];
  private connect = 0;
  private ttfb = 0;
  private socket: object | null = null;
  private readonly start = performance.now();
  readonly promise: Promise<HopResult>;
  private resolve!: (r: HopResult) => void;
  private reject!: (e: unknown) => void;

  constructor(
    dispatcher: Dispatcher,
    options: {
      origin: string;
      path: string;
      method: string;
      headers: string[] | Array<string | string[]>;
      body: Body;
    },
    private readonly keepBody: boolean,
  ) {
    this.promise = new Promise<HopResult>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    dispatcher.dispatch(options as Dispatcher.DispatchOptions, this as unknown as Dispatcher.DispatchHandler);
  }

  /** Stops the hop now with `reason` (timeout, cancel); undici is told to abort the socket. */
  cancel(reason: Error): void {
    if (this.done) return;
    this.cancelled = reason;
    this.done = true;
    this.reject(reason);
    this.abortFn?.(reason);
  }

  onSocket(socket: object, connectedAt: number | null): void {
    this.socket = socket;
    this.connect = connectedAt === null ? 0 : Math.max(0, connectedAt - this.start);
  }

  // ----- undici handler (legacy interface: gives raw headers in order and the status text) -----

  onConnect(abort: (err?: Error) => void): void {
    if (this.cancelled) {
      abort(this.cancelled);
      return;
    }
    this.abortFn = abort;
    claimSocket(this);
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[], _resume: () => void, statusText: string): boolean {
    if (statusCode < 200) return true;
    this.ttfb = performance.now() - this.start;
    this.status = statusCode;
    this.statusText = statusText ?? '';
    this.headers = headerPairs(rawHeaders);
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.keepBody) this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    if (this.done) return;
    this.done = true;
    const total = performance.now() - this.start;
    const result: HopResult = {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      body: this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks),
      connect: this.connect,
      ttfb: this.ttfb,
      total,
      socket: this.socket,
    };
    // undici frees a kept-alive socket in a setImmediate it queues right after this callback
    // returns (client-h1 onMessageComplete). Queuing our answer behind it (nextTick → setImmediate,
    // same event-loop turn) lets the next request — a redirect hop or the user's next send —
    // reuse the socket instead of opening a second connection.
    process.nextTick(() => setImmediate(() => this.resolve(result)));
  }

  onError(err: Error): void {
    if (this.done) return;
    this.done = true;
    this.reject(err);
  }
}
