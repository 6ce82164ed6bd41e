import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { ProfileJar } from '../../../main/core/cookies/jar';
import { closeDispatchers, type SendContext } from '../../../main/core/http/send';
import { TandemFailure } from '../../../main/shared/errors';
import type { Profile, RequestSpec, Settings } from '../../../main/shared/types';

/** A request as the loopback server saw it. */
export interface Seen {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: Buffer;
  /** Which connection it came on (1, 2, ...), to check keep-alive reuse. */
  socketId: number;
}

export interface TestServer {
  url: string;
  port: number;
  seen: Seen[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

/** Starts a node:http server on 127.0.0.1, port 0, recording every request. */
export async function startServer(
  handler: Handler,
  server: Server = createServer(),
  scheme: 'http' | 'https' = 'http',
): Promise<TestServer> {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  const socketIds = new WeakMap<Socket, number>();
  let nextId = 1;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    socketIds.set(s, nextId++);
    s.on('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s: Socket) => {
    socketIds.set(s, nextId++);
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers: Array<[string, string]> = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers,
        body,
        socketId: socketIds.get(req.socket) ?? 0,
      });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Cookie header values a recorded request carried (to check there is exactly one). */
export function cookieHeaders(s: Seen): string[] {
  return s.headers.filter(([n]) => n.toLowerCase() === 'cookie').map(([, v]) => v);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

function json(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string | string[]> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

/**
 * A small app in the spirit of httpbin and the seeds' FastAPI examples:
 *   POST /login (form user=...)  → Set-Cookie session=<user>-token; HttpOnly; Path=/
 *   GET  /profile                → 200 {user} with a session cookie, 401 without
 *   GET  /cookies                → {cookies: {...}} as received
 *   GET  /cookies/set?k=v        → 302 to /cookies with Set-Cookie k=v; Path=/
 *   GET  /set?c=<raw>&c=<raw>    → 200 with each raw Set-Cookie header
 *   ANY  /redirect/<status>?to=  → <status> with Location: to
 *   GET  /chain/<n>              → 302 to /chain/<n-1>, /chain/0 answers 200
 *   ANY  /echo                   → {method, url, headers, body}
 *   GET  /hang                   → never answers
 */
export const cookieApp: Handler = (req, res, body) => {
  const u = new URL(req.url ?? '/', 'http://x');
  const cookies = parseCookies(req.headers.cookie);
  if (u.pathname === '/login' && req.method === 'POST') {
    const user = new URLSearchParams(body.toString()).get('user') ?? 'nobody';
    return json(res, 200, { ok: true }, { 'set-cookie': `session=${user}-token; HttpOnly; Path=/` });
  }
  if (u.pathname === '/profile') {
    if (!cookies.session) return json(res, 401, { detail: 'Not logged in' });
    return json(res, 200, { user: cookies.session.replace(/-token$/, '') });
  }
  if (u.pathname === '/cookies') return json(res, 200, { cookies });
  if (u.pathname === '/cookies/set') {
    const set = [...u.searchParams].map(([k, v]) => `${k}=${v}; Path=/`);
    res.writeHead(302, { location: '/cookies', 'set-cookie': set });
    return res.end();
  }
  if (u.pathname === '/set') {
    res.writeHead(200, { 'set-cookie': u.searchParams.getAll('c'), 'content-type': 'text/plain' });
    return res.end('ok');
  }
  const redirect = /^\/redirect\/(\d{3})$/.exec(u.pathname);
  if (redirect) {
    res.writeHead(Number(redirect[1]), { location: u.searchParams.get('to') ?? '/echo' });
    return res.end();
  }
  const chain = /^\/chain\/(\d+)$/.exec(u.pathname);
  if (chain) {
    const n = Number(chain[1]);
    if (n === 0) return json(res, 200, { done: true });
    res.writeHead(302, { location: `/chain/${n - 1}` });
    return res.end();
  }
  if (u.pathname === '/hang') return;
  const headers: Array<[string, string]> = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
  return json(res, 200, { method: req.method, url: req.url, headers, body: body.toString('utf8') });
};

export const settings: Settings = {
  theme: 'system',
  proxy: null,
  insecure: false,
  timeoutMs: 10_000,
  maxRedirects: 10,
};

export function profile(name: string, extra: Partial<Profile> = {}): Profile {
  return {
    name,
    color: '#7c5cff',
    variables: {},
    headers: [],
    cookieStore: true,
    createdAt: new Date(0).toISOString(),
    ...extra,
  };
}

/** A fresh context: a new profile and a new, empty jar. */
export function contextFor(
  name: string,
  extra: Partial<Profile> = {},
  more: Partial<SendContext> = {},
): SendContext {
  return { profile: profile(name, extra), jar: new ProfileJar(), settings, ...more };
}

/** Resolves every *.test / *.example host (and co.uk names) to 127.0.0.1, like an /etc/hosts entry. */
export const loopbackResolver = (host: string): string | null =>
  /\.(test|example|co\.uk)$/.test(host) || host === 'test' ? '127.0.0.1' : null;

/** What a test file's hooks set up: one recording server and one temp dir. */
export interface FileFixture {
  app: TestServer;
  dir: string;
}

/**
 * Registers the hooks of an engine test file: a temp dir (`prefix`) and a recording server running
 * `handler` before all tests; afterwards the engine's pooled connections, the server and the dir go.
 */
export function serverPerFile(prefix: string, handler: Handler): FileFixture {
  const fx = {} as FileFixture;
  beforeAll(async () => {
    fx.dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    fx.app = await startServer(handler);
  });
  afterAll(async () => {
    await closeDispatchers();
    await fx.app.close();
    await rm(fx.dir, { recursive: true, force: true });
  });
  return fx;
}

/** A GET with no headers and no body; `extra` overrides any field. */
export const get = (url: string, extra: Partial<RequestSpec> = {}): RequestSpec => ({
  method: 'GET',
  url,
  headers: [],
  body: { type: 'none' },
  ...extra,
});

/** The TandemFailure `p` rejects with (anything else is rethrown; resolving is an error). */
export async function failure(p: Promise<unknown>): Promise<TandemFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TandemFailure) return e;
    throw e;
  }
  throw new Error('expected a TandemFailure');
}

/** A fresh self-signed certificate for localhost (openssl), written in `dir`; throws when openssl is missing. */
export async function selfSignedCert(dir: string): Promise<{ key: Buffer; cert: Buffer }> {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-days',
    '2',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  return { key: await readFile(key), cert: await readFile(cert) };
}
