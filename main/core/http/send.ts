import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { Cookie, defaultPath } from 'tough-cookie';
import { fail, TandemFailure } from '../../shared/errors';
import { limitsOf, MB } from '../../shared/limits';
import type {
  Hop,
  Profile,
  RequestSpec,
  ResponseRecord,
  SetCookieRecord,
  Settings,
} from '../../shared/types';
import { fastParseSetCookie } from '../cookies/fast-path';
import { isoFormatter } from '../cookies/iso';
import { type ProfileJar, toCookieView } from '../cookies/jar';
import { mergeCookies } from '../cookies/merge';
import { bodyForHop } from './body';
import { finishBody, plainBody } from './body-result';
import { addDeadline, clearDeadline } from './deadlines';
import { dispatcherFor, type HostResolver } from './dispatchers';
import { mapNetworkError } from './errors';
import { HopExchange, type HopResult } from './exchange';
import { prepareRequest } from './prepare';
import { pickProxy, proxyEnv } from './proxy';
import { decideRedirect } from './redirect-policy';
import { scanResponseHeaders, utf8Text, wireText } from './response';
import type { Spool } from './spool';

/**
 * The HTTP engine: sends a RequestSpec as a profile over undici and returns a ResponseRecord.
 *
 * - Every hop goes through one shared keep-alive undici dispatcher per (insecure, proxy, resolver).
 * - Redirects are followed here (redirect-policy.ts), one Hop per response; Set-Cookie from each hop
 *   is stored before the next hop's Cookie header is built.
 * - Exactly one Cookie header per hop: jar cookies, then a typed Cookie header, then per-request
 *   cookies (merge.ts). Typed and per-request cookies, and Authorization, only go to the origin
 *   the user addressed; a redirect elsewhere gets the jar's cookies only.
 * - Default headers unless the user set them: user-agent Tandem/0.1, accept *\/*,
 *   accept-encoding gzip, deflate, br (responses are decompressed; size is after decompression).
 * - Failures are TandemFailure with one line (errors.ts), never a stack trace.
 */
export { closeDispatchers, type HostResolver } from './dispatchers';
export { refreshProxyEnv } from './proxy';

const startedIso = isoFormatter();

export interface SendContext {
  profile: Profile;
  /** The profile's jar. Read and written only when the cookie store is on for this request. */
  jar: ProfileJar;
  settings: Settings;
  signal?: AbortSignal;
  /** Called as each hop completes (for progress in the UI). */
  onHop?: (hop: Hop, index: number) => void;
  /**
   * Maps a host name to an IP address before DNS (e.g. `*.test` → 127.0.0.1), so tests can use
   * real domain names against loopback servers. Return null/undefined to use normal DNS.
   */
  resolveHost?: HostResolver;
  /** Where bodies past the in-memory cap (settings.maxBodyMb) are kept for `response.saveBody`; none: past the cap bytes are dropped. */
  spool?: Spool;
  /** Absolute path: the whole body (decompressed) is streamed to this file instead of `body` (`tandem send -o`). */
  output?: string;
  /** With `output`: the file gets the body as received, still content-encoded (`tandem send -o FILE --raw`). */
  rawOutput?: boolean;
}

/** Request-body headers dropped when a redirect turns the request into a body-less GET. */
const BODY_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
]);

function ignoredRecord(raw: string, url: URL): SetCookieRecord {
  const parsed = fastParseSetCookie(raw) ?? Cookie.parse(raw, { loose: false });
  if (!parsed)
    return { raw, cookie: null, outcome: 'ignored', reason: 'Cookie store is off (malformed header)' };
  const view = toCookieView(parsed);
  if (!view.domain) view.domain = url.hostname;
  if (!parsed.path?.startsWith('/')) view.path = defaultPath(url.pathname);
  return { raw, cookie: view, outcome: 'ignored', reason: 'Cookie store is off' };
}

function without(
  headers: Array<[string, string]>,
  cookieIndex: number,
  drop: (lowerName: string) => boolean,
): { headers: Array<[string, string]>; cookieIndex: number } {
  const out: Array<[string, string]> = [];
  let index = cookieIndex;
  for (let i = 0; i < headers.length; i++) {
    if (drop(headers[i][0].toLowerCase())) {
      if (i < cookieIndex) index--;
    } else out.push(headers[i]);
  }
  return { headers: out, cookieIndex: index };
}

/** Sends a request as a profile. Throws TandemFailure (code + one-line message) on failure. */
export async function send(spec: RequestSpec, ctx: SendContext): Promise<ResponseRecord> {
  const startedMs = Date.now();
  const t0 = performance.now();
  if (ctx.signal?.aborted) fail('CANCELLED', 'Request cancelled');
  const req = await prepareRequest(spec, ctx.profile, ctx.settings);
  if (ctx.signal?.aborted) fail('CANCELLED', 'Request cancelled');
  const limits = limitsOf(ctx.settings);
  const keepBytes = Math.floor(limits.maxBodyMb * MB);
  const id = randomUUID();

  let current: HopExchange | null = null;
  let stopped: TandemFailure | null = null;
  const stop = (reason: TandemFailure) => {
    if (stopped) return;
    stopped = reason;
    current?.cancel(reason);
  };
  const deadline =
    req.timeoutMs > 0
      ? addDeadline(req.timeoutMs, () =>
          stop(new TandemFailure('TIMEOUT', `Timed out after ${req.timeoutMs} ms`)),
        )
      : null;
  const onAbort = () => stop(new TandemFailure('CANCELLED', 'Request cancelled'));
  ctx.signal?.addEventListener('abort', onAbort, { once: true });

  try {
    let method = req.method;
    let url = req.url;
    let body = req.body.source;
    let headers = req.headers;
    let cookieIndex = req.cookieIndex;
    let firstHeaders: Array<[string, string]> = [];
    const hops: Hop[] = [];
    const allSet: SetCookieRecord[] = [];
    let firstConnect = 0;
    let ttfb = 0;
    const firstOrigin = req.url.origin;

    for (;;) {
      // Cookies for this hop: the jar's (store on), merged with what the user typed and the
      // per-request cookies (those only go to the origin the user addressed).
      const jarCookies = req.cookieStore
        ? ctx.jar.cookiesFor(url).map((c) => ({ name: c.key, value: c.value }))
        : [];
      const origin = url === req.url ? firstOrigin : url.origin;
      const sameOrigin = origin === firstOrigin;
      const merged = mergeCookies(
        jarCookies,
        sameOrigin ? req.typedCookie : null,
        sameOrigin ? req.cookies : [],
      );

      const flat: string[] = [];
      const sentHeaders: Array<[string, string]> = [];
      for (let i = 0; i <= headers.length; i++) {
        if (i === cookieIndex && merged.header !== null) {
          flat.push('cookie', wireText(merged.header));
          if (hops.length === 0) sentHeaders.push(['cookie', merged.header]);
        }
        if (i === headers.length) break;
        flat.push(headers[i][0], headers[i][1]);
        if (hops.length === 0) sentHeaders.push(headers[i]);
      }
      if (hops.length === 0) firstHeaders = sentHeaders;

      const proxy = pickProxy(url, req.explicitProxy, proxyEnv());
      const dispatcher = dispatcherFor({
        insecure: req.insecure,
        proxy,
        resolveHost: ctx.resolveHost,
        maxHeaderSize: limits.maxHeaderKb * 1024,
      });
      const hopStart = performance.now();
      const exchange = new HopExchange(
        dispatcher,
        {
          origin,
          path: url.pathname + url.search,
          method,
          headers: proxy ? groupRepeated(flat) : flat,
          body: bodyForHop(body),
          bodyTimeout: limits.idleTimeoutMs,
        },
        {
          keepBytes,
          file: ctx.output
            ? `${ctx.output}.part-${id.slice(0, 8)}-${hops.length}`
            : (ctx.spool?.fileFor(`${id}-${hops.length}`) ?? null),
          toDisk: Boolean(ctx.output),
          maxHeaderCount: limits.maxHeaderCount,
        },
      );
      current = exchange;
      if (stopped) exchange.cancel(stopped);
      let r: HopResult;
      try {
        r = await exchange.promise;
      } catch (e) {
        throw (
          stopped ??
          mapNetworkError(e, url, {
            socket: exchange.socket,
            idleTimeoutMs: limits.idleTimeoutMs,
            maxHeaderKb: limits.maxHeaderKb,
          })
        );
      } finally {
        current = null;
      }
      if (hops.length === 0) firstConnect = r.connect;
      ttfb = hopStart - t0 + r.ttfb;

      // Set-Cookie from every hop lands in the jar before the next hop is built.
      const seen = scanResponseHeaders(r.headers);
      const records: SetCookieRecord[] = [];
      // Provenance: each cookie stored now remembers this send (its history id) and hop.
      ctx.jar.origin = { kind: 'request', request: id, hop: hops.length, url: url.href };
      for (const bytes of seen.setCookie) {
        const raw = utf8Text(bytes);
        const rec = req.cookieStore ? ctx.jar.storeSetCookie(raw, url) : ignoredRecord(raw, url);
        records.push(rec);
        allSet.push(rec);
      }
      ctx.jar.origin = null;

      const decision = decideRedirect({
        status: r.status,
        method,
        url: url.href,
        location: seen.location,
        followRedirects: req.followRedirects,
        followed: hops.length,
        maxRedirects: req.maxRedirects,
      });
      const hop: Hop = {
        method,
        url: url.href,
        status: r.status,
        statusText: r.statusText,
        headers: r.headers,
        cookieHeader: merged.header,
        cookiesSent: merged.sent,
        cookiesSet: records,
        timings: { connect: r.connect, ttfb: r.ttfb, total: r.total },
      };
      if (decision.kind === 'follow') hop.location = decision.url;
      else if (decision.kind === 'stop' && decision.location) hop.location = decision.location;
      hops.push(hop);
      try {
        ctx.onHop?.(hop, hops.length - 1);
      } catch {
        // a progress listener must not break the request
      }

      if (decision.kind === 'error' || decision.kind === 'follow')
        if (r.file) await rm(r.file, { force: true });
      if (decision.kind === 'error') fail(decision.code, decision.message);
      if (decision.kind === 'follow') {
        if (stopped) throw stopped;
        const next = URL.parse(decision.url);
        if (!next) fail('INVALID_URL', `Invalid redirect URL "${decision.url}"`);
        if (decision.dropBody) {
          body = { kind: 'none' };
          ({ headers, cookieIndex } = without(headers, cookieIndex, (n) => BODY_HEADERS.has(n)));
        }
        if (decision.crossOrigin)
          ({ headers, cookieIndex } = without(headers, cookieIndex, (n) => n === 'authorization'));
        method = decision.method;
        url = next;
        continue;
      }

      const contentType = seen.contentType;
      const bodyOptions = {
        id,
        contentType,
        contentEncoding: seen.contentEncoding,
        keepBytes,
        spool: ctx.spool ?? null,
        output: ctx.output ?? null,
        rawOutput: ctx.rawOutput === true,
      };
      const finished = plainBody(r, bodyOptions) ?? (await finishBody(r, bodyOptions));
      const response: ResponseRecord = {
        id,
        profile: ctx.profile.name,
        request: { method: req.method, url: req.url.href, headers: firstHeaders },
        status: r.status,
        statusText: r.statusText,
        headers: r.headers,
        body: finished.body,
        bodyEncoding: finished.bodyEncoding,
        contentType,
        size: finished.size,
        cookiesSent: hops[0].cookiesSent,
        cookiesSet: allSet,
        hops,
        timings: { connect: firstConnect, ttfb, total: performance.now() - t0 },
        startedAt: startedIso(startedMs),
      };
      // Set only when they apply (not as `...(c ? { x } : {})`: a slower copy on every send).
      if (finished.truncated) response.truncated = finished.truncated;
      if (finished.savedTo) response.savedTo = finished.savedTo;
      return response;
    }
  } finally {
    clearDeadline(deadline);
    ctx.signal?.removeEventListener('abort', onAbort);
  }
}

/** ProxyAgent turns the header list into an object; repeated names must travel as arrays. */
function groupRepeated(flat: string[]): Array<string | string[]> {
  const out: Array<string | string[]> = [];
  const index = new Map<string, number>();
  for (let i = 0; i < flat.length; i += 2) {
    const at = index.get(flat[i]);
    if (at === undefined) {
      index.set(flat[i], out.length + 1);
      out.push(flat[i], flat[i + 1]);
    } else {
      const v = out[at];
      out[at] = Array.isArray(v) ? [...v, flat[i + 1]] : [v, flat[i + 1]];
    }
  }
  return out;
}
