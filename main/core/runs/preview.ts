import { domainMatch, pathMatch } from 'tough-cookie';
import type { SendPreview, SkipReason } from '../../shared/sessions';
import type { RequestSpec } from '../../shared/types';
import { mergeCookies, parseCookieHeader } from '../cookies/merge';
import { prepareRequest } from '../http/prepare';
import type { Workspace } from '../workspace';

/**
 * The will-send preview: what a request would send as a profile, computed from the same
 * preparation and cookie merge the engine uses, without sending or writing anything. Every jar
 * cookie is either sent or skipped with its reason; typed-header and per-request cookies are
 * listed with their source, and a name clash says which one won.
 */
export async function previewSend(
  ws: Workspace,
  profileName: string,
  spec: RequestSpec,
): Promise<SendPreview> {
  const [{ profile, journal }, settings] = await Promise.all([
    ws.profiles.open(profileName),
    ws.settings.current(),
  ]);
  const req = await prepareRequest(spec, profile, settings);
  const url = req.url;
  const host = url.hostname;
  const now = Date.now();
  const send: SendPreview['cookies']['send'] = [];
  const skip: SendPreview['cookies']['skip'] = [];

  // What the jar would offer for this URL (expired ones kept here, so they can be named).
  const offered = req.cookieStore
    ? journal.jar.jar.getCookiesSync(url.href, { http: true, expire: false, sort: true })
    : [];
  const expired = (c: { expiryTime(): number | undefined }) => {
    const t = c.expiryTime();
    return t !== undefined && t <= now;
  };
  const live = offered.filter((c) => !expired(c));
  const { header, sent } = mergeCookies(
    live.map((c) => ({ name: c.key, value: c.value })),
    req.typedCookie,
    req.cookies,
  );
  const winners = new Set(sent.filter((s) => s.source !== 'jar').map((s) => s.name));

  if (req.cookieStore) {
    const offeredSet = new Set(offered);
    for (const c of live) {
      const where = { name: c.key, domain: c.domain ?? host, path: c.path ?? '/' };
      if (winners.has(c.key)) skip.push({ ...where, reason: 'overridden' });
      else send.push({ ...where, value: c.value, source: 'jar' });
    }
    for (const c of journal.jar.all(0)) {
      if (offeredSet.has(c) && !expired(c)) continue;
      skip.push({ name: c.key, domain: c.domain ?? '', path: c.path ?? '/', reason: whyNot(c, url, now) });
    }
    // Expired before the jar was read (so no longer in it): still worth naming.
    for (const c of journal.expiredOnLoad.values())
      skip.push({
        name: String(c.key ?? ''),
        domain: String(c.domain ?? ''),
        path: String(c.path ?? '/'),
        reason: 'expired',
      });
  }
  const requestNames = new Set(req.cookies.map((c) => c.name));
  for (const t of req.typedCookie ? parseCookieHeader(req.typedCookie) : []) {
    const where = { name: t.name, domain: host, path: '/' };
    if (requestNames.has(t.name)) skip.push({ ...where, reason: 'overridden' });
    else send.push({ ...where, value: t.value, source: 'header' });
  }
  for (const c of req.cookies)
    send.push({ name: c.name, value: c.value, domain: host, path: '/', source: 'request' });

  const headers = [...req.headers];
  if (header !== null) headers.splice(req.cookieIndex, 0, ['cookie', header]);
  return { request: { method: req.method, url: url.href, headers }, cookies: { send, skip } };
}

/** Why the jar does not offer a cookie for this URL: expired, then domain, path, then Secure. */
function whyNot(
  c: {
    domain?: string | null;
    path?: string | null;
    hostOnly?: boolean | null;
    secure?: boolean;
    expiryTime(): number | undefined;
  },
  url: URL,
  now: number,
): SkipReason {
  const t = c.expiryTime();
  if (t !== undefined && t <= now) return 'expired';
  const domain = c.domain ?? '';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const domainOk = c.hostOnly ? host === domain : domainMatch(host, domain, false) === true;
  if (!domainOk) return 'domain';
  if (!pathMatch(url.pathname || '/', c.path ?? '/')) return 'path';
  if (c.secure && url.protocol !== 'https:') return 'secure';
  return 'domain';
}
