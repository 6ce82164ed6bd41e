import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedBody, parseBody } from './body';
import { cookieRoutes } from './cookieLab';
import { detail, headersObject, json, matchRoute, parseCookieHeader, type Reply } from './http';
import { httpbinRoutes } from './httpbin';
import { initialNotes, sessionRoutes } from './session';
import { type DemoContext, type DemoState, HttpError, type Route } from './types';

/**
 * The demo API: httpbin-style cookie endpoints, a login app with signed sessions and notes,
 * the itty3 greeting app and a cookie-attribute lab. node:http only, in-memory, loopback by
 * default. Every seed scenario (httpr, itty3, FastAPI) can be replayed against it.
 */

export interface DemoServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Session signing secret; a random one per server by default. */
  secret?: string;
  /** When `port` is taken (EADDRINUSE), listen on a random free port instead of failing. */
  fallbackToRandomPort?: boolean;
  /** Largest request body accepted (default 10 MiB); bigger ones get 413. */
  maxBodyBytes?: number;
}

export interface DemoServer {
  /** e.g. "http://127.0.0.1:53123" (no trailing slash). */
  url: string;
  port: number;
  /** Stops listening, ends pending requests (e.g. /delay) and closes every connection. */
  close(): Promise<void>;
}

/** The port hosts should ask for first, so a seeded workspace's {{baseUrl}} keeps working across runs. */
export const DEFAULT_DEMO_PORT = 8787;

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

const indexRoute: Route = {
  methods: ['GET'],
  pattern: '/_index',
  description: 'This list of endpoints',
  handle: () =>
    json(200, {
      name: 'Tandem demo API',
      endpoints: ROUTES.map((r) => ({
        methods: r.methods === '*' ? ['ANY'] : r.methods,
        path: r.pattern,
        description: r.description,
      })),
    }),
};

const ROUTES: Route[] = [...cookieRoutes, ...httpbinRoutes, ...sessionRoutes, indexRoute];

function allows(route: Route, method: string): boolean {
  if (route.methods === '*') return true;
  return route.methods.includes(method) || (method === 'HEAD' && route.methods.includes('GET'));
}

/** Finds the route for a request: a match, a 405 with the allowed methods, or a 404. */
export function resolveRoute(
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | { status: 404 } | { status: 405; allow: string[] } {
  const allow = new Set<string>();
  for (const route of ROUTES) {
    const params = matchRoute(route.pattern, path);
    if (!params) continue;
    if (allows(route, method)) return { route, params };
    if (route.methods !== '*') for (const m of route.methods) allow.add(m);
  }
  return allow.size ? { status: 405, allow: [...allow] } : { status: 404 };
}

/**
 * Reads the whole body. Past `limit` bytes it stops keeping bytes but reads on (so the client
 * can receive the 413 instead of a reset), and gives up on the connection past 4× the limit.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 4 * limit) req.destroy();
      else if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) reject(new HttpError(413, `Request body is larger than ${limit} bytes`));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!req.readableEnded) reject(new HttpError(400, 'Request body was cut short'));
    });
  });
}

function writeReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of reply.headers) {
    const prev = headers[name];
    headers[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  // 204 and 304 carry no body and, per RFC 9110, no Content-Length either.
  if (reply.status !== 204 && reply.status !== 304) headers['Content-Length'] = String(body.length);
  res.writeHead(reply.status, headers);
  res.end(body);
}

function requestUrl(req: IncomingMessage, fallbackHost: string): URL {
  const path = req.url ?? '/';
  // Absolute-form targets (proxy-style requests) are taken as they are.
  if (!path.startsWith('/')) {
    try {
      return new URL(path);
    } catch {
      return new URL(`http://${fallbackHost}/`);
    }
  }
  // Concatenate rather than resolve, so "//x/y" stays a path instead of becoming host "x".
  try {
    return new URL(`http://${req.headers.host || fallbackHost}${path}`);
  } catch {
    return new URL(`http://${fallbackHost}${path}`);
  }
}

export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const host = opts.host ?? '127.0.0.1';
  const state: DemoState = {
    secret: opts.secret ? Buffer.from(opts.secret, 'utf8') : randomBytes(32),
    notes: initialNotes(),
    nextNoteId: 3,
  };
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const shutdown = new AbortController();
  let hostForUrls = host;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Aborted when the client goes away or the server shuts down.
    const requestAbort = new AbortController();
    const onShutdown = () => requestAbort.abort();
    if (shutdown.signal.aborted) requestAbort.abort();
    else shutdown.signal.addEventListener('abort', onShutdown, { once: true });
    res.on('close', () => {
      shutdown.signal.removeEventListener('abort', onShutdown);
      if (!res.writableFinished) requestAbort.abort();
    });
    const method = (req.method ?? 'GET').toUpperCase();
    const url = requestUrl(req, hostForUrls);
    let bodyPromise: Promise<ParsedBody> | null = null;
    const ctx: Omit<DemoContext, 'params'> = {
      method,
      url,
      headers: headersObject(req.rawHeaders),
      cookies: parseCookieHeader(req.headers.cookie),
      origin: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
      body: () => {
        bodyPromise ??= readBody(req, maxBody).then((raw) => parseBody(raw, req.headers['content-type']));
        return bodyPromise;
      },
      signal: requestAbort.signal,
      state,
    };
    let reply: Reply;
    try {
      const found = resolveRoute(method, url.pathname);
      if ('route' in found) reply = await found.route.handle({ ...ctx, params: found.params });
      else if (found.status === 405)
        reply = detail(405, 'Method Not Allowed', [['Allow', found.allow.join(', ')]]);
      else reply = detail(404, 'Not Found');
    } catch (e) {
      if (ctx.signal.aborted) {
        res.destroy();
        return;
      }
      reply =
        e instanceof HttpError
          ? detail(e.status, e.message)
          : detail(500, `Internal error: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (res.destroyed || ctx.signal.aborted) {
      res.destroy();
      return;
    }
    // Drain an unread body so keep-alive connections stay usable.
    if (!bodyPromise && !req.readableEnded) req.resume();
    writeReply(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) writeReply(res, detail(500, 'Internal error'));
      else res.destroy();
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await listen(opts.port ?? 0);
  } catch (e) {
    const inUse = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
    if (!inUse || !opts.fallbackToRandomPort || !opts.port) throw e;
    await listen(0);
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  hostForUrls = `${urlHost}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${hostForUrls}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        shutdown.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
