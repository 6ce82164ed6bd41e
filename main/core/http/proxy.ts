/**
 * Which proxy a request goes through. `pickProxy` is pure: the environment is passed in.
 * Order: the request's option, then the settings, then the environment
 * (https URLs: HTTPS_PROXY, https_proxy, then HTTP_PROXY, http_proxy; http URLs: HTTP_PROXY, http_proxy).
 * NO_PROXY / no_proxy applies to proxies from the environment (an explicit proxy is always used).
 */

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

const PROXY_VARS = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
] as const;

let cachedEnv: ProxyEnv | null = null;

/**
 * The proxy variables of `process.env`, read once and cached (reading process.env costs a
 * native call per variable, on every hop otherwise). Call `refreshProxyEnv()` after changing
 * them at run time.
 */
export function proxyEnv(): ProxyEnv {
  if (cachedEnv) return cachedEnv;
  const env: Record<string, string | undefined> = {};
  for (const name of PROXY_VARS) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  cachedEnv = env;
  return env;
}

/** Forgets the cached proxy variables; the next request reads process.env again. */
export function refreshProxyEnv(): void {
  cachedEnv = null;
}

export function pickProxy(url: URL, explicit: string | null | undefined, env: ProxyEnv): string | null {
  if (explicit) return explicit;
  const https = url.protocol === 'https:';
  const fromEnv =
    (https ? env.HTTPS_PROXY || env.https_proxy : undefined) || env.HTTP_PROXY || env.http_proxy || '';
  if (!fromEnv) return null;
  const noProxy = env.NO_PROXY ?? env.no_proxy ?? '';
  return noProxy && bypassesProxy(url, noProxy) ? null : fromEnv;
}

/**
 * NO_PROXY matching as curl does: comma/space separated entries; `*` matches everything;
 * `example.com` and `.example.com` match the host and its subdomains; `host:port` also checks the port;
 * IP addresses match exactly.
 */
export function bypassesProxy(url: URL, noProxy: string): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    let entryPort: string | null = null;
    const portMatch = /^(.*?):(\d+)$/.exec(entry);
    if (portMatch && !entry.startsWith('[') && (portMatch[1].match(/:/g)?.length ?? 0) === 0) {
      entry = portMatch[1];
      entryPort = portMatch[2];
    } else if (entry.startsWith('[')) {
      const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
      if (m) {
        entry = m[1];
        entryPort = m[2] ?? null;
      }
    }
    if (entryPort && entryPort !== port) continue;
    entry = entry.replace(/^\*?\./, '');
    if (host === entry || host.endsWith(`.${entry}`)) return true;
  }
  return false;
}
