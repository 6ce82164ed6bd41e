import type { HarRequest } from '@readme/httpsnippet';
import { HTTPSnippet } from '@readme/httpsnippet';
import { fail } from '../../shared/errors';
import type { CodeSnippet, CodeTarget } from '../../shared/interop';
import type { RequestSpec } from '../../shared/types';
import { parseRequestUrl } from '../http/prepare';
import type { Workspace } from '../workspace';
import { specToHarRequest } from './har-request';

/** httpsnippet's target and client for each of ours. */
const TARGETS: Record<CodeTarget, [string, string]> = {
  curl: ['shell', 'curl'],
  httpie: ['shell', 'httpie'],
  fetch: ['javascript', 'fetch'],
  python: ['python', 'requests'],
};

/**
 * The request as code, as `profile` would send it: its variables substituted, its default
 * headers, and the cookies its jar holds for the URL (they leave the app with the code: the
 * result names them so the UI and the CLI can say so).
 */
export async function requestAsCode(
  ws: Workspace,
  profileName: string,
  spec: RequestSpec,
  target: CodeTarget,
): Promise<CodeSnippet> {
  const profile = await ws.profiles.get(profileName);
  const vars = profile.variables ?? {};
  const draft = specToHarRequest(spec, { vars, profileHeaders: profile.headers ?? [] });
  const url = parseRequestUrl(draft.url);
  const cookieStore = spec.options?.cookieStore ?? profile.cookieStore ?? true;
  const jarCookies = cookieStore
    ? (await ws.profiles.jar(profileName)).jar.cookiesFor(url).map((c) => ({ name: c.key, value: c.value }))
    : [];
  const own = new Set(draft.cookies.map((c) => c.name));
  const fromJar = jarCookies.filter((c) => !own.has(c.name));
  const cookies = [...fromJar, ...draft.cookies];
  const har = { ...draft, url: url.href, cookies };
  const [targetId, clientId] = TARGETS[target];
  let out: unknown;
  try {
    out = new HTTPSnippet(har as unknown as HarRequest).convert(targetId as never, clientId);
  } catch (e) {
    fail('INVALID_ARGUMENT', `Cannot write this request as ${target}: ${(e as Error).message}`);
  }
  const code = Array.isArray(out) ? String(out[0] ?? '') : typeof out === 'string' ? out : '';
  if (!code) fail('INVALID_ARGUMENT', `Cannot write this request as ${target}`);
  // Only the jar's cookies are the profile's session; the request's own are in the code as typed.
  return { target, code, cookies: fromJar.map((c) => c.name) };
}
