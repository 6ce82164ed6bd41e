import type { Api, Bridge, Channel, EventMap, EventName, ResultOf } from '../../../main/contract';
import { type BodyRef, bodyPath } from '../../../main/shared/bodyref';
import type { Result } from '../../../main/shared/types';

/**
 * The renderer's only door to the core. In Electron the preload exposes `window.tandem`
 * (derived from the contract); in a browser (web mode) the same calls go over HTTP to
 * 127.0.0.1 with the token from the page URL. Nothing else in the renderer talks to the outside.
 */

export type { Bridge };

declare global {
  interface Window {
    tandem?: Bridge;
  }
}

function readToken(): string {
  if (typeof window === 'undefined') return '';
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem('tandem.token', fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem('tandem.token') ?? '';
}

/** Web mode: POST /api/<channel> with the token; events over one EventSource. */
export function httpBridge(base = '', token = readToken()): Bridge {
  let source: EventSource | null = null;
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const ensureSource = () => {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (m) => {
      try {
        const { event, payload } = JSON.parse(m.data) as { event: EventName; payload: unknown };
        for (const l of listeners.get(event) ?? []) l(payload);
      } catch {
        /* a malformed event is ignored */
      }
    };
  };
  return {
    async invoke(channel, args) {
      try {
        const res = await fetch(`${base}/api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(args ?? {}),
        });
        return (await res.json()) as Result<ResultOf<typeof channel>>;
      } catch (e) {
        return {
          ok: false,
          error: { code: 'NETWORK_ERROR', message: `Tandem is not reachable: ${(e as Error).message}` },
        };
      }
    },
    subscribe(event, listener) {
      ensureSource();
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => {
        set.delete(l);
      };
    },
  };
}

/**
 * `api[channel](args)` → `bridge.invoke(channel, args)`. Built lazily from the name, so the
 * renderer bundles no contract code (only its types); the host checks the name.
 */
function makeApi(bridge: Bridge): Api {
  const calls = new Map<string, (args: unknown) => Promise<unknown>>();
  return new Proxy({} as Api, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      let call = calls.get(name);
      if (!call) {
        call = (args) => bridge.invoke(name as Channel, args as never);
        calls.set(name, call);
      }
      return call;
    },
  });
}

let bridge: Bridge = typeof window !== 'undefined' && window.tandem ? window.tandem : httpBridge();

/** Call a channel: `await api['cookies.list']({ profile: 'alice' })` → Result. */
export let api: Api = makeApi(bridge);

/** Listen to a core event; returns the unsubscribe. */
export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: EventMap[E]) => void,
): () => void {
  return bridge.subscribe(event, listener);
}

/** Tests swap in a bridge (for example one that calls a real core in-process). */
export function setBridge(b: Bridge): void {
  bridge = b;
  api = makeApi(b);
}

/**
 * Where a body that came beside the envelope (`bodyRef`, web mode) is read: its URL and the
 * token to send. A worker reads it there, so the page never parses it on its main thread.
 */
export function bodySource(ref: BodyRef): { url: string; token: string } {
  return { url: new URL(bodyPath(ref.id), window.location.href).href, token: readToken() };
}
