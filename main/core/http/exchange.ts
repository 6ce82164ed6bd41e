import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { TandemFailure } from '../../shared/errors';
import { formatSize } from '../../shared/limits';
import { claimSocket, type SocketClaimer } from './dispatchers';
import { armTap, holdTap } from './partial';
import { headerPairs } from './response';

/**
 * One hop on the wire: dispatch a request through an undici dispatcher with a light handler that
 * keeps the raw response headers in order, the status text, the body and the timings.
 * No redirects, no cookies, no decoding here.
 *
 * The body is bounded: up to `plan.keepBytes` raw bytes stay in memory; past that (or from the first
 * byte when `plan.toDisk`) the whole body is written to `plan.file` as it arrives, with backpressure
 * (undici is paused while the disk catches up), so memory stays flat whatever the size.
 */

export interface BodyPlan {
  /** Raw (still content-encoded) bytes held in memory before the body goes to `file`. */
  keepBytes: number;
  /** Where the body goes past `keepBytes`; null: past it the bytes are only counted. */
  file: string | null;
  /** Write the body to `file` from the first byte (nothing held in memory). */
  toDisk: boolean;
  /** Most header lines accepted in the response. */
  maxHeaderCount: number;
}

export interface HopResult {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  /** Body bytes held in memory, as received (still content-encoded); empty when the body went to `file`. */
  body: Buffer;
  /** Every raw body byte received. */
  rawBytes: number;
  /** The file holding the whole raw body, when it went to disk. */
  file: string | null;
  /** Bytes past `keepBytes` were dropped (no file to put them in). */
  dropped: boolean;
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
  private resumeFn: (() => void) | null = null;
  private cancelled: Error | null = null;
  private done = false;
  private chunks: Buffer[] = [];
  private held = 0;
  private rawBytes = 0;
  private dropped = false;
  private out: WriteStream | null = null;
  private status = 0;
  private statusText = '';
  private headers: Array<[string, string]> = [];
  private connect = 0;
  private ttfb = 0;
  socket: object | null = null;
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
      /** Longest wait for the next body chunk (ms; 0 = none). */
      bodyTimeout: number;
    },
    private readonly plan: BodyPlan,
  ) {
    this.promise = new Promise<HopResult>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // Not `{ ...options, headersTimeout }`: V8 (Node 20) adds a property to a spread copy through
    // a slow path, on every hop.
    dispatcher.dispatch(
      Object.assign({ headersTimeout: 0 }, options) as Dispatcher.DispatchOptions,
      this as unknown as Dispatcher.DispatchHandler,
    );
  }

  /** Stops the hop now with `reason` (timeout, cancel, a limit); undici is told to abort the socket. */
  cancel(reason: Error): void {
    if (this.done) return;
    this.cancelled = reason;
    this.finishWithError(reason);
    this.abortFn?.(reason);
  }

  onSocket(socket: object, connectedAt: number | null): void {
    this.socket = socket;
    armTap(socket);
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

  onHeaders(statusCode: number, rawHeaders: Buffer[], resume: () => void, statusText: string): boolean {
    if (statusCode < 200) return true;
    holdTap(this.socket);
    this.ttfb = performance.now() - this.start;
    this.status = statusCode;
    this.statusText = statusText ?? '';
    this.headers = headerPairs(rawHeaders);
    this.resumeFn = resume;
    if (this.headers.length > this.plan.maxHeaderCount) {
      this.cancel(
        new TandemFailure(
          'INVALID_RESPONSE',
          `The response has ${this.headers.length} header lines, more than the limit of ${this.plan.maxHeaderCount} (setting maxHeaderCount)`,
          {
            partial: {
              statusLine: `HTTP/1.1 ${statusCode} ${this.statusText}`.trimEnd(),
              headers: this.headers.slice(0, this.plan.maxHeaderCount),
            },
          },
        ),
      );
      return false;
    }
    if (this.plan.toDisk && this.plan.file) this.openFile(this.plan.file);
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.done) return true;
    this.rawBytes += chunk.length;
    if (this.out) return this.write(chunk);
    if (this.held + chunk.length <= this.plan.keepBytes) {
      this.chunks.push(chunk);
      this.held += chunk.length;
      return true;
    }
    if (this.plan.file) {
      // Past the in-memory cap: everything so far, and all that follows, goes to disk.
      const out = this.openFile(this.plan.file);
      for (const c of this.chunks) out.write(c);
      this.chunks = [];
      this.held = 0;
      return this.write(chunk);
    }
    if (this.held < this.plan.keepBytes) {
      this.chunks.push(chunk.subarray(0, this.plan.keepBytes - this.held));
      this.held = this.plan.keepBytes;
    }
    this.dropped = true;
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
      rawBytes: this.rawBytes,
      file: this.out ? this.out.path.toString() : null,
      dropped: this.dropped,
      connect: this.connect,
      ttfb: this.ttfb,
      total,
      socket: this.socket,
    };
    const out = this.out;
    if (out) {
      out.end(() => this.resolve(result));
      return;
    }
    // undici frees a kept-alive socket in a setImmediate it queues right after this callback
    // returns (client-h1 onMessageComplete). Queuing our answer behind it (nextTick → setImmediate,
    // same event-loop turn) lets the next request — a redirect hop or the user's next send —
    // reuse the socket instead of opening a second connection.
    process.nextTick(() => setImmediate(() => this.resolve(result)));
  }

  onError(err: Error): void {
    if (this.done) return;
    this.finishWithError(err);
  }

  // ----- the body on disk -----

  private openFile(file: string): WriteStream {
    if (this.out) return this.out;
    const out = createWriteStream(file, { mode: 0o600 });
    out.on('error', (e) => {
      this.cancel(
        new TandemFailure('STORE_IO', `Could not write the response body to ${file}: ${e.message}`),
      );
    });
    this.out = out;
    return out;
  }

  private write(chunk: Buffer): boolean {
    const out = this.out as WriteStream;
    if (out.write(chunk)) return true;
    out.once('drain', () => this.resumeFn?.());
    return false;
  }

  private finishWithError(err: unknown): void {
    this.done = true;
    this.chunks = [];
    const out = this.out;
    if (out) {
      const file = out.path.toString();
      out.destroy();
      rm(file, { force: true }).catch(() => undefined);
    }
    this.reject(err);
  }
}

/** "Body truncated at 50 MB" and friends, for BodyTruncation.message. */
export function truncatedAt(limitBytes: number): string {
  return `Body truncated at ${formatSize(limitBytes)}`;
}
