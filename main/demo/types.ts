import type { MultiDict, Reply } from './http';

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
  /** Emails changed through POST /account/email (the CSRF-protected endpoint). */
  emails?: Map<string, string>;
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

/** One uploaded file in a multipart body. */
export interface Upload {
  field: string;
  filename: string;
  size: number;
  contentType: string;
}

/** A request body as httpbin echoes it. */
export interface ParsedBody {
  raw: Buffer;
  /** The media type without parameters, lower-cased ('' when absent). */
  mime: string;
  form: MultiDict;
  /** httpbin shape: field → file content (text, or a base64 data URL when binary). */
  files: MultiDict;
  uploads: Upload[];
  /** The raw body as text for non-form bodies (base64 data URL when binary). */
  data: string;
  /** The body parsed as JSON, or null. */
  json: unknown;
  /** Set when the body claims to be JSON but does not parse. */
  jsonError: string | null;
}
