import diagnostics from 'node:diagnostics_channel';
import dns from 'node:dns';
import net, { type LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { ConnectionOptions } from 'node:tls';
import { Agent, type Dispatcher, ProxyAgent } from 'undici';
import { tapSocket } from './partial';

/**
 * One shared undici dispatcher per (insecure, proxy, host resolver) combination, created lazily
 * and kept for keep-alive reuse. `closeDispatchers()` releases them all (app shutdown, tests).
 */

/**
 * Maps a host name to an IP address before DNS (tests use it to reach `*.test` hosts on 127.0.0.1).
 * Return null/undefined to use normal DNS; throw (e.g. an error with code ENOTFOUND) to fail the lookup.
 */
export type HostResolver = (hostname: string) => string | null | undefined;

const dispatchers = new Map<string, Dispatcher>();
const resolverIds = new WeakMap<HostResolver, number>();
let nextResolverId = 1;

export interface DispatcherOptions {
  insecure: boolean;
  proxy: string | null;
  resolveHost?: HostResolver;
  /** Largest response head in bytes (status line + headers); undici's default when absent. */
  maxHeaderSize?: number;
}

function lookupWith(resolveHost: HostResolver): LookupFunction {
  return (hostname, options, callback) => {
    let mapped: string | null | undefined;
    try {
      mapped = resolveHost(hostname);
    } catch (e) {
      // A resolver that throws stands for a DNS failure (e.g. an error with code ENOTFOUND).
      callback(e as NodeJS.ErrnoException, '', 0);
      return;
    }
    if (!mapped) {
      dns.lookup(hostname, options, callback);
      return;
    }
    const family = net.isIP(mapped) || 4;
    if (options.all) callback(null, [{ address: mapped, family }]);
    else callback(null, mapped, family);
  };
}

// The last answer: most hops ask for the same dispatcher as the one before.
let last: {
  insecure: boolean;
  proxy: string | null;
  resolveHost?: HostResolver;
  maxHeaderSize?: number;
  dispatcher: Dispatcher;
} | null = null;

export function dispatcherFor(opts: DispatcherOptions): Dispatcher {
  if (
    last &&
    last.insecure === opts.insecure &&
    last.proxy === opts.proxy &&
    last.resolveHost === opts.resolveHost &&
    last.maxHeaderSize === opts.maxHeaderSize
  )
    return last.dispatcher;
  let resolverId = 0;
  if (opts.resolveHost) {
    resolverId = resolverIds.get(opts.resolveHost) ?? 0;
    if (!resolverId) {
      resolverId = nextResolverId++;
      resolverIds.set(opts.resolveHost, resolverId);
    }
  }
  const key = `${opts.insecure ? 1 : 0}|${resolverId}|${opts.maxHeaderSize ?? 0}|${opts.proxy ?? ''}`;
  let d = dispatchers.get(key);
  if (!d) {
    d = create(opts);
    dispatchers.set(key, d);
  }
  last = { ...opts, dispatcher: d };
  return d;
}

function create(opts: DispatcherOptions): Dispatcher {
  ensureTimingChannels();
  const connect: ConnectionOptions = { rejectUnauthorized: !opts.insecure };
  if (opts.resolveHost) connect.lookup = lookupWith(opts.resolveHost);
  if (opts.proxy) {
    // http URLs go to the proxy as absolute-form requests (GET http://host/path), as curl sends
    // them (many proxies refuse CONNECT to port 80); https URLs through a CONNECT tunnel.
    // Credentials in the proxy URL (http://user:pass@proxy:3128) become Proxy-Authorization.
    return new ProxyAgent({
      uri: opts.proxy,
      proxyTunnel: false,
      requestTls: connect,
      proxyTls: connect,
      ...(opts.maxHeaderSize ? { maxHeaderSize: opts.maxHeaderSize } : {}),
    });
  }
  return new Agent({ connect, ...(opts.maxHeaderSize ? { maxHeaderSize: opts.maxHeaderSize } : {}) });
}

/** Closes every cached dispatcher (their kept-alive sockets too). Safe to call twice. */
export async function closeDispatchers(): Promise<void> {
  const all = [...dispatchers.values()];
  dispatchers.clear();
  last = null;
  await Promise.allSettled(all.map((d) => d.close()));
}

// ---------- connection timing ----------
// undici publishes `undici:client:connected` when a socket connects and, synchronously right after
// calling the handler's onConnect, `undici:client:sendHeaders` with the socket the request goes on.
// `claimSocket` registers the handler whose onConnect just ran; the sendHeaders subscriber hands it
// the socket. A socket's first request reports its connect time; later requests on it report 0.

export interface SocketClaimer {
  onSocket(socket: object, connectedAt: number | null): void;
}

const connectedAt = new WeakMap<object, number>();
let claimant: SocketClaimer | null = null;
let channelsReady = false;

function ensureTimingChannels(): void {
  if (channelsReady) return;
  channelsReady = true;
  diagnostics.subscribe('undici:client:connected', (message) => {
    const socket = (message as { socket?: NodeJS.EventEmitter & object }).socket;
    if (socket) {
      connectedAt.set(socket, performance.now());
      tapSocket(socket);
    }
  });
  diagnostics.subscribe('undici:client:sendHeaders', (message) => {
    const c = claimant;
    if (!c) return;
    claimant = null;
    const socket = (message as { socket?: object }).socket;
    if (!socket) return;
    const at = connectedAt.get(socket);
    if (at !== undefined) connectedAt.delete(socket);
    c.onSocket(socket, at ?? null);
  });
}

/** Called from a handler's onConnect: the next sendHeaders event belongs to it. */
export function claimSocket(c: SocketClaimer): void {
  claimant = c;
}
