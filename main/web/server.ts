import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { eventNames } from '../contract';
import { dispatch } from '../contract/dispatch';
import { createTandem, type Tandem } from '../core/tandem';
import { sampleWorkspace } from '../demo/sample';
import { DEFAULT_DEMO_PORT, startDemoServer } from '../demo/server';
import { bodyIdOf, hasLargeBody } from '../shared/bodyref';
import type { ErrorCode } from '../shared/types';
import { CONTENT_SECURITY_POLICY } from './csp';
import { bearerToken, isAllowedHost, isAllowedOrigin, tokenMatches } from './guard';
import { contentTypeFor, resolveStaticPath } from './static';

export interface WebServerOptions {
  dataDir: string;
  /** Random free port unless given. */
  port?: number;
  /** Web mode only ever listens on loopback. */
  host?: '127.0.0.1';
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** Start the demo API in the background and seed the sample workspace. */
  demo?: boolean;
  /** Fixed token (tests); otherwise 32 random bytes, hex. */
  token?: string;
  /** Largest accepted request body; 64 MB unless given. */
  maxBodyBytes?: number;
}

export interface WebServer {
  /** http://127.0.0.1:<port>/?token=<token>: the one URL to open. */
  url: string;
  token: string;
  port: number;
  tandem: Tandem;
  /** URL of the demo API when `demo` was set, else null. */
  demoUrl: string | null;
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 64 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;
const NOT_BUILT = "Tandem's UI is not built: run npm run build\n";

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

class TooLarge extends Error {}

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume();
      reject(new TooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolveBody(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/**
 * Web mode: the same core and the same contract as the Electron app, over HTTP on
 * 127.0.0.1 with a per-run token. Serves the built renderer with a strict CSP.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(32).toString('hex');
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const demo = opts.demo
    ? await startDemoServer({ port: DEFAULT_DEMO_PORT, fallbackToRandomPort: true })
    : null;
  let tandem: Tandem;
  try {
    tandem = await createTandem({
      dataDir: opts.dataDir,
      host: 'web',
      demoUrl: demo?.url ?? null,
      seedSample: opts.demo === true ? sampleWorkspace : undefined,
    });
  } catch (e) {
    await demo?.close();
    throw e;
  }

  const streams = new Set<ServerResponse>();
  let port = 0;

  // Large bodies go beside the envelope (main/shared/bodyref.ts): the last few are kept here,
  // served once or many times at /api/body/<id>, and dropped oldest first.
  const bodies = new Map<string, string>();
  const KEPT_BODIES = 4;
  const moveLargeBody = (result: unknown): unknown => {
    const value = (result as { ok?: boolean; value?: unknown }).value;
    if (!(result as { ok?: boolean }).ok || !hasLargeBody(value)) return result;
    const id = randomBytes(12).toString('hex');
    bodies.set(id, value.body);
    while (bodies.size > KEPT_BODIES) bodies.delete(bodies.keys().next().value as string);
    return {
      ...(result as object),
      value: { ...value, body: '', bodyRef: { id, chars: value.body.length } },
    };
  };
  const handleBody = (req: IncomingMessage, res: ServerResponse, id: string) => {
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      sendError(res, 405, 'INVALID_ARGUMENT', 'Use GET for a response body');
      return;
    }
    const body = bodies.get(id);
    if (body === undefined) {
      sendError(res, 404, 'NOT_FOUND', 'That response body is no longer kept: send the request again');
      return;
    }
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'content-type': 'text/plain; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
    });
    res.end(body);
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');
    const offs = eventNames.map((event) =>
      tandem.events.on(event, (payload) => {
        res.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
      }),
    );
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    streams.add(res);
    const stop = () => {
      clearInterval(heartbeat);
      for (const off of offs) off();
      streams.delete(res);
    };
    req.on('close', stop);
    res.on('close', stop);
  };

  const handleCall = async (req: IncomingMessage, res: ServerResponse, channel: string) => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendError(res, 405, 'INVALID_ARGUMENT', `Use POST for /api/${channel}`);
      return;
    }
    let text: string;
    try {
      text = await readBody(req, maxBody);
    } catch (e) {
      if (e instanceof TooLarge) {
        res.setHeader('connection', 'close');
        sendError(
          res,
          413,
          'INVALID_ARGUMENT',
          `Request body of /api/${channel} is larger than ${sizeLabel(maxBody)}`,
        );
      }
      return;
    }
    let raw: unknown = {};
    if (text.trim() !== '') {
      try {
        raw = JSON.parse(text);
      } catch {
        sendError(res, 400, 'INVALID_ARGUMENT', `The body of /api/${channel} is not valid JSON`);
        return;
      }
    }
    const result = await dispatch(tandem, channel, raw);
    sendJson(res, 200, moveLargeBody(result));
  };

  const handleStatic = async (res: ServerResponse, path: string, method: string) => {
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { ...COMMON_HEADERS, allow: 'GET, HEAD', 'content-type': 'text/plain' });
      res.end('Method not allowed\n');
      return;
    }
    const file = resolveStaticPath(opts.rendererDir, path);
    if (!file) {
      res.writeHead(404, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() && path === '/favicon.ico') {
      res.writeHead(204, { ...COMMON_HEADERS, 'cache-control': 'max-age=86400' });
      res.end();
      return;
    }
    if (!info?.isFile()) {
      const isIndex = file === join(opts.rendererDir, 'index.html') || path === '/';
      res.writeHead(isIndex ? 503 : 404, {
        ...COMMON_HEADERS,
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(isIndex ? NOT_BUILT : 'Not found\n');
      return;
    }
    const type = contentTypeFor(file);
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'content-type': type,
      'content-length': info.size,
      'cache-control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    if (method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };

  const server = createServer((req, res) => {
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const query = new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1));
    if (!isAllowedHost(req.headers.host, port)) {
      sendError(res, 403, 'UNAUTHORIZED', `Host "${req.headers.host ?? ''}" is not this Tandem server`);
      return;
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      sendError(res, 403, 'UNAUTHORIZED', `Origin "${req.headers.origin}" may not call this Tandem server`);
      return;
    }
    if (path === '/api' || path.startsWith('/api/')) {
      const isEvents = path === '/api/events';
      const given = bearerToken(req.headers.authorization) || (isEvents ? (query.get('token') ?? '') : '');
      if (!tokenMatches(given, token)) {
        sendError(res, 401, 'UNAUTHORIZED', 'Missing or wrong Tandem token: open the URL Tandem printed');
        return;
      }
      const bodyId = bodyIdOf(path);
      if (bodyId !== null) {
        handleBody(req, res, bodyId);
        return;
      }
      if (isEvents) {
        if (req.method !== 'GET') {
          sendError(res, 405, 'INVALID_ARGUMENT', 'Use GET for /api/events');
          return;
        }
        handleEvents(req, res);
        return;
      }
      handleCall(req, res, safeDecode(path.slice('/api/'.length))).catch((e: unknown) => {
        if (!res.headersSent) sendError(res, 500, 'INTERNAL', String((e as Error)?.message ?? e));
      });
      return;
    }
    handleStatic(res, path, req.method ?? 'GET').catch(() => {
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Could not read a static file');
    });
  });

  try {
    await new Promise<void>((ok, ko) => {
      server.once('error', ko);
      server.listen(opts.port ?? 0, '127.0.0.1', () => {
        server.off('error', ko);
        ok();
      });
    });
  } catch (e) {
    await tandem.close();
    await demo?.close();
    throw e;
  }
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      for (const res of streams) res.end();
      streams.clear();
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await demo?.close();
      await tandem.close();
    })();
    return closing;
  };

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    tandem,
    demoUrl: demo?.url ?? null,
    close,
  };
}
