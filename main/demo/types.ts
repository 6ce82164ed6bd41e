import type { ParsedBody } from './body';
import type { Reply } from './http';

/** A failure a handler reports to the client as `{"detail": message}` with `status`. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
    this.name = 'HttpError';
  }
}

export interface Note {
  id: number;
  owner: string;
  title: string;
  body: string;
  createdAt: string;
}

/** Per-server state: the signing secret and the notes. Nothing is shared between servers. */
export interface DemoState {
  secret: Buffer;
  notes: Map<number, Note>;
  nextNoteId: number;
}

export interface DemoContext {
  method: string;
  /** Absolute URL of this request, built from the Host header. */
  url: URL;
  params: Record<string, string>;
  /** Request headers, httpbin-cased, repeats joined with ", ". */
  headers: Record<string, string>;
  /** Cookies from the Cookie header (first occurrence of a name wins). */
  cookies: Record<string, string>;
  /** Client address. */
  origin: string;
  /** Reads and parses the request body once (throws HttpError 400/413). */
  body(): Promise<ParsedBody>;
  /** Aborted when the client goes away or the server closes. */
  signal: AbortSignal;
  state: DemoState;
}

export interface Route {
  /** Upper-case methods, or '*' for any. GET routes also answer HEAD. */
  methods: string[] | '*';
  pattern: string;
  description: string;
  handle(ctx: DemoContext): Reply | Promise<Reply>;
}
