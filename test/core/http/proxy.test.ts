import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDispatchers, send } from '../../../main/core/http/send';
import {
  contextFor,
  cookieApp,
  failure,
  get,
  selfSignedCert,
  serverPerFile,
  startServer,
  type TestServer,
} from './servers';

/**
 * Through an HTTP proxy (issue 9 item 8): plain http goes as absolute-form requests
 * (`GET http://host/path HTTP/1.1` to the proxy, as curl does), https through CONNECT; credentials in
 * the proxy URL become Proxy-Authorization on both. The proxy is a real one, on node:http.
 */
const fx = serverPerFile('tandem-proxy-', cookieApp);

interface SeenByProxy {
  kind: 'absolute' | 'connect';
  method: string;
  target: string;
  auth: string | null;
}

let proxyPort = 0;
const proxySeen: SeenByProxy[] = [];
let closeProxy: () => Promise<void> = async () => {};
let tls: TestServer | null = null;
const EXPECTED_AUTH = `Basic ${Buffer.from('agent:s3cret w/ :colon').toString('base64')}`;

beforeAll(async () => {
  const sockets = new Set<net.Socket>();
  const authorized = (auth: string | undefined) => !auth || auth === EXPECTED_AUTH;
  const server = createHttpServer((req, res) => {
    const auth = req.headers['proxy-authorization'] ?? null;
    proxySeen.push({ kind: 'absolute', method: req.method ?? '', target: req.url ?? '', auth });
    if (!authorized(auth ?? undefined)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="proxy"', 'content-type': 'text/plain' });
      return res.end('proxy auth required');
    }
    const target = new URL(req.url ?? '');
    const headers: string[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      if (req.rawHeaders[i].toLowerCase() !== 'proxy-authorization')
        headers.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
    const up = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: req.method,
        headers,
      },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.rawHeaders);
        r.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req, client: net.Socket, head: Buffer) => {
    const auth = req.headers['proxy-authorization'] ?? null;
    proxySeen.push({ kind: 'connect', method: req.method ?? '', target: req.url ?? '', auth });
    if (!authorized(auth ?? undefined)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxyPort = (server.address() as AddressInfo).port;
  closeProxy = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });

  const pem = await selfSignedCert(fx.dir);
  tls = await startServer(cookieApp, createHttpsServer(pem), 'https');
});

afterAll(async () => {
  await closeDispatchers();
  await closeProxy();
  await tls?.close();
});

const withAuth = () => `http://agent:${encodeURIComponent('s3cret w/ :colon')}@127.0.0.1:${proxyPort}`;

describe('HTTP proxy', () => {
  it('plain http goes in absolute form (no CONNECT), cookies and repeated headers intact', async () => {
    const alice = contextFor('alice');
    const target = `http://localhost:${fx.app.port}`;
    const before = proxySeen.length;
    const proxy = `http://127.0.0.1:${proxyPort}`;
    await send(get(`${target}/cookies/set?via=proxy`, { options: { proxy } }), alice);
    const res = await send(
      get(`${target}/echo`, {
        options: { proxy },
        headers: [
          { name: 'X-Rep', value: '1' },
          { name: 'X-Rep', value: '2' },
        ],
      }),
      alice,
    );
    expect(proxySeen.slice(before)).toEqual([
      { kind: 'absolute', method: 'GET', target: `${target}/cookies/set?via=proxy`, auth: null },
      { kind: 'absolute', method: 'GET', target: `${target}/cookies`, auth: null },
      { kind: 'absolute', method: 'GET', target: `${target}/echo`, auth: null },
    ]);
    const echo = JSON.parse(res.body) as { headers: Array<[string, string]> };
    expect(echo.headers.filter(([n]) => n.toLowerCase() === 'x-rep').map(([, v]) => v)).toEqual(['1', '2']);
    expect(echo.headers.filter(([n]) => n.toLowerCase() === 'cookie')).toEqual([['cookie', 'via=proxy']]);
  });

  it('plain http with proxy credentials: Proxy-Authorization on the request to the proxy, not passed on', async () => {
    const before = proxySeen.length;
    const res = await send(
      get(`http://localhost:${fx.app.port}/echo`, { options: { proxy: withAuth() } }),
      contextFor('bob'),
    );
    expect(res.status).toBe(200);
    expect(proxySeen.slice(before)).toEqual([
      {
        kind: 'absolute',
        method: 'GET',
        target: `http://localhost:${fx.app.port}/echo`,
        auth: EXPECTED_AUTH,
      },
    ]);
    const echo = JSON.parse(res.body) as { headers: Array<[string, string]> };
    expect(echo.headers.some(([n]) => n.toLowerCase() === 'proxy-authorization')).toBe(false);
  });

  it('https goes through CONNECT, with the credentials on the CONNECT', async () => {
    const before = proxySeen.length;
    const res = await send(
      get(`https://localhost:${tls?.port}/cookies/set?tunnelled=1`, {
        options: { proxy: withAuth(), insecure: true },
      }),
      contextFor('carol'),
    );
    expect(JSON.parse(res.body)).toEqual({ cookies: { tunnelled: '1' } });
    expect(proxySeen.slice(before)).toEqual([
      { kind: 'connect', method: 'CONNECT', target: `localhost:${tls?.port}`, auth: EXPECTED_AUTH },
    ]);
  });

  it('wrong proxy credentials: a clear error, for http and https alike', async () => {
    const bad = `http://agent:wrong@127.0.0.1:${proxyPort}`;
    for (const url of [`http://localhost:${fx.app.port}/echo`, `https://localhost:${tls?.port}/cookies`]) {
      const f = await failure(
        send(get(url, { options: { proxy: bad, insecure: true } }), contextFor('dave')),
      );
      expect(f.toError()).toEqual({
        code: 'NETWORK_ERROR',
        message: `Proxy failed for localhost:${new URL(url).port}: it wants credentials (407 Proxy Authentication Required); give them in the proxy URL, http://user:password@host:port`,
      });
    }
  });
});
