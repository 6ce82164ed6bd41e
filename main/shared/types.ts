/**
 * The domain, described once. Every layer (core, contract, CLI, web mode, renderer)
 * speaks in these types. Nothing here imports Node or Electron. Where a shape is checked at
 * runtime (arguments, files), its type is inferred from the zod schema in `./schemas.ts`
 * (`z.infer`), so the two cannot drift; the rest are results the core builds.
 */

import type { z } from 'zod';
import type { collectionSchema, savedRequestSchema } from './collection';
import type { BodyTruncation, SavedBody } from './limits';
import type {
  cookieInputSchema,
  cookieKey,
  keyValue,
  requestAuthSchema,
  requestBodySchema,
  requestOptionsSchema,
  requestSpecSchema,
  sameSite,
} from './schemas';
import type {
  Extracted,
  expectationSchema,
  LoginRecipe,
  matrixExpectationsSchema,
  RunRecord,
} from './sessions';

// ---------- results and errors (in ./result.ts, which the other shared files can import) ----------

import type { ErrorCode, Result, TandemError } from './result';

export type { ErrorCode, Result, TandemError };

// ---------- profiles ----------

export type KeyValue = z.infer<typeof keyValue>;

export interface Profile {
  /** Profile names are their identity: 1–64 chars of [A-Za-z0-9._-], not starting with '.' or '-'. */
  name: string;
  /** CSS colour, e.g. '#7c5cff'. */
  color: string;
  /** Variables for {{name}} substitution. */
  variables: Record<string, string>;
  /** Headers added to every request sent as this profile (request headers win on a clash). */
  headers: KeyValue[];
  /** When false: nothing stored in the jar, nothing sent from it. Per-request cookies still go out. */
  cookieStore: boolean;
  createdAt: string;
  /**
   * Names of variables that are secret: sealed at rest (see SECURITY.md), masked in the UI, kept
   * out of history, redacted in exports. Absent when there are none.
   */
  secrets?: string[];
  /** How this profile logs in (saved requests, in order) and how an expired session is noticed. */
  login?: LoginRecipe;
}

export type ProfilePatch = Partial<
  Pick<Profile, 'color' | 'variables' | 'headers' | 'cookieStore' | 'secrets'>
> & {
  /** null removes the recipe. */
  login?: LoginRecipe | null;
};

// ---------- requests ----------

export type HttpMethod = string; // any token: GET, POST, PROPFIND, ...

export type RequestBody = z.infer<typeof requestBodySchema>;
export type RequestAuth = z.infer<typeof requestAuthSchema>;
export type RequestSpec = z.infer<typeof requestSpecSchema>;
export type RequestOptions = z.infer<typeof requestOptionsSchema>;

// ---------- cookies ----------

export type SameSite = z.infer<typeof sameSite>;

/** A cookie as the user sees it: every attribute, nothing hidden. */
export interface CookieView {
  name: string;
  value: string;
  domain: string;
  path: string;
  /** ISO date, or null for a session cookie. */
  expires: string | null;
  /** false when the cookie had a Domain attribute (matches subdomains). */
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite | null;
  /** name.length + value.length, as browsers count it. */
  size: number;
  creation?: string;
}

/** What the user types into the cookie editor or the CLI. */
export type CookieInput = z.infer<typeof cookieInputSchema>;

/** A cookie identity inside a jar. */
export type CookieKey = z.infer<typeof cookieKey>;

/** A cookie the response set, with the raw header and whether the jar accepted it. */
export interface SetCookieRecord {
  raw: string;
  cookie: CookieView | null;
  /** stored | deleted (Max-Age=0 / past Expires) | rejected (invalid, public suffix, domain mismatch, Secure over http) | ignored (store off) */
  outcome: 'stored' | 'deleted' | 'rejected' | 'ignored';
  reason?: string;
}

/** A cookie that went out, and where it came from. */
export interface SentCookie {
  name: string;
  value: string;
  source: 'jar' | 'request' | 'header';
}

// ---------- responses ----------

export interface Timings {
  /** ms from start until the socket was connected (0 when a kept-alive socket was reused). */
  connect: number;
  /** ms from start until the first response byte (headers) arrived. */
  ttfb: number;
  /** ms from start until the whole body was read, all hops included. */
  total: number;
  dns?: number;
  tls?: number;
}

export interface Hop {
  method: string;
  url: string;
  status: number;
  statusText: string;
  /** Response headers in order, repeated names kept. */
  headers: Array<[string, string]>;
  /** The single Cookie header that went out, or null. */
  cookieHeader: string | null;
  cookiesSent: SentCookie[];
  cookiesSet: SetCookieRecord[];
  /** Location header resolved against the hop URL, when redirecting. */
  location?: string;
  timings: Timings;
}

export interface ResponseRecord {
  id: string;
  profile: string;
  /** The request as sent (variables substituted). */
  request: { method: string; url: string; headers: Array<[string, string]> };
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  /** Decoded text body (utf-8), or base64 when binary. */
  body: string;
  bodyEncoding: 'utf8' | 'base64';
  contentType: string | null;
  /** Bytes of body received (after decompression). */
  size: number;
  /** Cookies sent on the first hop. */
  cookiesSent: SentCookie[];
  /** Cookies set across all hops. */
  cookiesSet: SetCookieRecord[];
  hops: Hop[];
  timings: Timings;
  startedAt: string;
  /** The first try met an expired session; the profile's login recipe ran and this is the retry. */
  relogged?: boolean;
  /** Values the request's extraction rules took into the profile's variables. */
  extracted?: Extracted[];
  /** The body passed the in-memory cap (see BodyTruncation in shared/limits.ts); `body` is its start. */
  truncated?: BodyTruncation;
  /** The request was sent with `output`: the whole body went to this file and `body` is empty. */
  savedTo?: SavedBody;
}

// ---------- workspace ----------

/** The settings: `settingsSchema` in ./settings.ts. */
export type { Settings } from './settings';

export interface HistoryEntry {
  id: string;
  profile: string;
  method: string;
  url: string;
  status: number | null;
  error: TandemError | null;
  durationMs: number;
  size: number;
  at: string;
  request: RequestSpec;
  /** 'run' for a whole run (matrix, `tandem run`, compare): its requests are in `run.steps`. */
  kind?: 'request' | 'run';
  run?: RunRecord;
  /** The send met an expired session: the login recipe ran and this is the retry. */
  relogged?: boolean;
  /** What the response's extraction rules took into the profile's variables. */
  extracted?: Extracted[];
  /** The saved request this was sent from (its name is shown beside the path). */
  requestId?: string;
  /** The response as received, its body cut at the history cap (`truncated` says so); `history.get` returns it. */
  response?: ResponseRecord;
  /** Set by `history.list`, which leaves `response` out: one is kept for this entry. */
  hasResponse?: boolean;
}

/** A saved request: the schema is `savedRequestSchema` in ./collection.ts. */
export type SavedRequest = z.infer<typeof savedRequestSchema>;

/** A collection as stored in `collections/<id>.json`: the schema is `collectionSchema` in ./collection.ts. */
export type Collection = z.infer<typeof collectionSchema>;

// ---------- compare profiles, access-control matrix ----------

/** One profile's outcome when the same request is sent as several profiles. */
export interface ComparisonResult {
  profile: string;
  response: ResponseRecord | null;
  error: TandemError | null;
}

/** A place (JSON path or header name) where profiles saw different values. */
export interface ValueDiff {
  /** JSON path (`user`, `items[0].id`, `$` for the whole body) or a lower-case header name. */
  path: string;
  /** Profile → the value it saw, as short text; `(absent)` when it had none. */
  values: Record<string, string>;
}

export interface ComparisonDiff {
  /** Every profile got a response, all with the same status. */
  sameStatus: boolean;
  /** Profile → status, or null when it got no response. */
  statuses: Record<string, number | null>;
  /** How the bodies were compared: as JSON, as text, or not at all (fewer than two responses). */
  bodyKind: 'json' | 'text' | 'none';
  bodyEqual: boolean;
  /** JSON paths whose values differ (at most 50). */
  paths: ValueDiff[];
  /** More paths differed than `paths` holds. */
  pathsTruncated: boolean;
  /** Response headers that differ, volatile ones (Date, Age, ETag…) left out. */
  headers: ValueDiff[];
  /** Profile → the cookies its response set (all hops). */
  cookiesSet: Record<string, Array<{ name: string; value: string; outcome: SetCookieRecord['outcome'] }>>;
}

export interface Comparison {
  request: RequestSpec;
  results: ComparisonResult[];
  diff: ComparisonDiff;
}

/** allow = 2xx/3xx, deny = 401/403 (and 404 when asked), error = no response or any other status. */
export type Verdict = 'allow' | 'deny' | 'error';
/** What a cell should be: a verdict, or an exact status. */
export type Expectation = z.infer<typeof expectationSchema>;
/** requestId → profile → expectation. */
export type MatrixExpectations = z.infer<typeof matrixExpectationsSchema>;

export interface MatrixCell {
  status: number | null;
  error: TandemError | null;
  verdict: Verdict;
  expected?: Expectation;
  /** Set only when an expectation was given. */
  pass?: boolean;
  /** What a check expectation found (the header's value, the JSON value…). */
  actual?: string;
  ms: number;
  /** A short summary of the response, for the cell's detail view. */
  detail?: {
    statusText: string;
    contentType: string | null;
    size: number;
    bodyPreview: string;
    cookiesSet: string[];
  };
}

export interface MatrixRow {
  id: string;
  name: string;
  folder?: string;
}

export interface MatrixResult {
  rows: MatrixRow[];
  profiles: string[];
  /** Keyed `${requestId}|${profile}`; cells not run (cancelled) are missing. */
  cells: Record<string, MatrixCell>;
  summary: {
    total: number;
    /** Cells with an expectation that held / did not. */
    passed: number;
    failed: number;
    /** Cells that got no response. */
    errors: number;
  };
  cancelled: boolean;
}
