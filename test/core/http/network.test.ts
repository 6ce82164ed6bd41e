import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDispatchers, refreshProxyEnv, send } from '../../../main/core/http/send';
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

const arrived: Array<() => void> = [];
const fx = serverPerFile('tandem-net-', (req, res, body) => {
  if (req.url === '/hang') {
    for (const a of arrived.splice(0)) a();
    return;
  }
  cookieApp(req, res, body);
});

describe('timeouts, cancel and refused connections', () => {
  it('a server that never answers times out with TIMEOUT', async () => {
    const f = await failure(
      send(get(`${fx.app.url}/hang`, { options: { timeoutMs: 150 } }), contextFor('alice')),
    );
    expect(f.toError()).toEqual({ code: 'TIMEOUT', message: 'Timed out after 150 ms' });
    const ctx = contextFor('alice');
    const fromSettings = await failure(
      send(get(`${fx.app.url}/hang`), { ...ctx, settings: { ...ctx.settings, timeoutMs: 100 } }),
    );
    expect(fromSettings.message).toBe('Timed out after 100 ms');
  });

  it('cancelling while the server thinks gives CANCELLED', async () => {
    const controller = new AbortController();
    const seen = new Promise<void>((resolve) => arrived.push(resolve));
    const pending = send(get(`${fx.app.url}/hang`), { ...contextFor('alice'), signal: controller.signal });
    await seen;
    controller.abort();
    const f = await failure(pending);
    expect(f.code).toBe('CANCELLED');
    const already = new AbortController();
    already.abort();
    expect(
      (await failure(send(get(`${fx.app.url}/echo`), { ...contextFor('a'), signal: already.signal }))).code,
    ).toBe('CANCELLED');
  });

  it('a closed port is CONNECTION_REFUSED naming host and port', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const f = await failure(send(get(`http://127.0.0.1:${port}/`), contextFor('alice')));
    expect(f.toError()).toEqual({
      code: 'CONNECTION_REFUSED',
      message: `Connection refused by 127.0.0.1:${port}`,
    });
  });
});

describe('DNS', () => {
  it('a host that does not resolve is DNS_FAILURE naming the host', async () => {
    const resolveHost = (host: string) => {
      if (host === 'nosuch.invalid')
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), {
          code: 'ENOTFOUND',
          hostname: host,
        });
      return null;
    };
    const f = await failure(send(get('http://nosuch.invalid/'), contextFor('alice', {}, { resolveHost })));
    expect(f.toError()).toEqual({ code: 'DNS_FAILURE', message: 'Could not resolve host nosuch.invalid' });
  });
});

describe('keep-alive', () => {
  it('the second request reuses the socket and reports connect 0', async () => {
    await closeDispatchers();
    const alice = contextFor('alice');
    const first = await send(get(`${fx.app.url}/echo`), alice);
    const second = await send(get(`${fx.app.url}/echo`), alice);
    const [a, b] = fx.app.seen.slice(-2);
    expect(b.socketId).toBe(a.socketId);
    expect(first.timings.connect).toBeGreaterThan(0);
    expect(second.timings.connect).toBe(0);
    expect(second.hops[0].timings.connect).toBe(0);
  });
});

describe('HTTPS', () => {
  let tls: TestServer | null = null;
  let skipReason = '';

  beforeAll(async () => {
    let pem: { key: Buffer; cert: Buffer };
    try {
      pem = await selfSignedCert(fx.dir);
    } catch (e) {
      skipReason = `openssl not available: ${(e as Error).message}`;
      return;
    }
    const server = createHttpsServer(pem);
    tls = await startServer(cookieApp, server, 'https');
  });

  afterAll(async () => {
    await tls?.close();
  });

  it('a self-signed certificate fails with TLS_FAILURE and works with insecure', async (test) => {
    if (!tls) {
      console.warn(`skipping HTTPS test: ${skipReason}`);
      test.skip();
      return;
    }
    const url = `https://localhost:${tls.port}/cookies/set?secure=1`;
    const alice = contextFor('alice');
    const f = await failure(send(get(url), alice));
    expect(f.code).toBe('TLS_FAILURE');
    expect(f.message).toContain('insecure');
    expect(alice.jar.size).toBe(0);

    const res = await send(get(url, { options: { insecure: true } }), alice);
    expect(JSON.parse(res.body)).toEqual({ cookies: { secure: '1' } });
    const viaSettings = await send(get(`https://localhost:${tls.port}/cookies`), {
      ...alice,
      settings: { ...alice.settings, insecure: true },
    });
    expect(viaSettings.status).toBe(200);
  });
});

describe('proxy', () => {
  let proxy: { url: string; tunnels: string[]; forwarded: string[]; close(): Promise<void> };

  beforeAll(async () => {
    const tunnels: string[] = [];
    const forwarded: string[] = [];
    const sockets = new Set<net.Socket>();
    const server = createHttpServer((req, res) => {
      forwarded.push(req.url ?? '');
      const target = new URL(req.url ?? '');
      const up = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: req.method,
          // Repeated headers travel as they came (req.headers would join them).
          headers: req.rawHeaders,
        },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      req.pipe(up);
    });
    server.on('connection', (s: net.Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    server.on('connect', (req, client: net.Socket, head: Buffer) => {
      tunnels.push(req.url ?? '');
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
    proxy = {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      tunnels,
      forwarded,
      close: () =>
        new Promise<void>((r) => {
          for (const s of sockets) s.destroy();
          server.close(() => r());
        }),
    };
  });

  afterAll(async () => {
    await closeDispatchers();
    await proxy.close();
  });

  it('goes through the proxy from the request options, cookies and repeated headers intact', async () => {
    const alice = contextFor('alice');
    const target = `http://localhost:${fx.app.port}`;
    await send(get(`${target}/cookies/set?via=proxy`, { options: { proxy: proxy.url } }), alice);
    // Plain http goes to the proxy in absolute form, not through a CONNECT tunnel (proxy.test.ts).
    expect(proxy.forwarded).toContain(`http://localhost:${fx.app.port}/cookies/set?via=proxy`);
    expect(proxy.tunnels).toEqual([]);
    const res = await send(
      get(`${target}/echo`, {
        options: { proxy: proxy.url },
        headers: [
          { name: 'X-Rep', value: '1' },
          { name: 'X-Rep', value: '2' },
        ],
      }),
      alice,
    );
    const echo = JSON.parse(res.body) as { headers: Array<[string, string]> };
    expect(echo.headers.filter(([n]) => n.toLowerCase() === 'x-rep').map(([, v]) => v)).toEqual(['1', '2']);
    expect(echo.headers.filter(([n]) => n.toLowerCase() === 'cookie')).toEqual([['cookie', 'via=proxy']]);
  });

  it('uses HTTP_PROXY from the environment unless NO_PROXY lists the host', async () => {
    const saved = {
      HTTP_PROXY: process.env.HTTP_PROXY,
      NO_PROXY: process.env.NO_PROXY,
      no_proxy: process.env.no_proxy,
    };
    try {
      process.env.HTTP_PROXY = proxy.url;
      delete process.env.no_proxy;
      process.env.NO_PROXY = 'example.invalid';
      refreshProxyEnv(); // the engine reads the proxy variables once; changed at run time, refresh
      const target = `http://127.0.0.1:${fx.app.port}/echo`;
      const before = proxy.forwarded.length;
      await send(get(target), contextFor('alice'));
      expect(proxy.forwarded.slice(before)).toEqual([target]);
      const viaTunnel = fx.app.seen.at(-1)!.socketId;

      process.env.NO_PROXY = 'localhost,127.0.0.1';
      refreshProxyEnv();
      await send(get(target), contextFor('alice'));
      expect(proxy.forwarded.length).toBe(before + 1);
      expect(fx.app.seen.at(-1)!.socketId).not.toBe(viaTunnel);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      refreshProxyEnv();
    }
  });
});
